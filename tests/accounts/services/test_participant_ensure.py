from django.contrib.auth.models import User

from polycentric.accounts.models import Participant
from polycentric.accounts.services import participant_ensure
from polycentric.core.models import Event


def test_an_account_without_a_profile_gets_one_once(db):
    root = User.objects.create_superuser("root", "root@example.org", "pw-not-used-here-123")

    first = participant_ensure(user=root, actor=root)
    second = participant_ensure(user=root, actor=root)

    assert first.pk == second.pk
    assert first.display_name == "root"
    assert first.stakeholder_group is None and first.country is None
    assert Participant.objects.filter(user=root).count() == 1
    assert Event.objects.filter(kind="accounts.participant.created").count() == 1


def test_the_display_name_is_the_full_name_when_known(db):
    user = User.objects.create_user("mmwangi", first_name="Mary", last_name="Mwangi")
    assert participant_ensure(user=user, actor=user).display_name == "Mary Mwangi"


def test_an_existing_profile_is_returned_untouched(ana):
    assert participant_ensure(user=ana, actor=ana) == ana.participant
    assert not Event.objects.filter(kind="accounts.participant.created").exists()
