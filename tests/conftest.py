"""Shared fixtures: the reference vocabularies, named personas and a small map.

Personas make tests read like stories:
- `wanjiru`: a government delegate from Kenya who curates the map (an editor);
- `ana`: a civil society participant from Brazil (no editing rights);
- `arjun`: a technical community participant from India;
- `admin`: a site administrator.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from polycentric.accounts.models import Country, Participant, StakeholderGroup
from polycentric.accounts.reference import people_reference_load
from polycentric.core.permissions import EDITORS_GROUP
from polycentric.issuemap import services
from polycentric.issuemap.models import Basket, Venue

PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the people vocabularies once per test database; each test rolls back to this."""
    with django_db_blocker.unblock():
        people_reference_load()


@pytest.fixture
def reference(db):
    """Stakeholder groups, region schemes and every country, as `polycentric setup` loads them.

    Loaded once per session; reloaded here only after a transactional test flushed the tables."""
    if not StakeholderGroup.objects.exists():
        people_reference_load()
    return {g.slug: g for g in StakeholderGroup.objects.all()}


def _person(username: str, *, group: str, country: str, editor: bool = False, **extra) -> User:
    user = User.objects.create_user(username=username, email=f"{username}@example.org",
                                    password=PASSWORD, **extra)
    Participant.objects.create(
        user=user,
        display_name=username.capitalize(),
        stakeholder_group=StakeholderGroup.objects.get(slug=group),
        country=Country.objects.get(code=country),
    )
    if editor:
        user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    return user


@pytest.fixture
def wanjiru(reference) -> User:
    return _person("wanjiru", group="governments", country="KE", editor=True)


@pytest.fixture
def ana(reference) -> User:
    return _person("ana", group="civil_society", country="BR")


@pytest.fixture
def arjun(reference) -> User:
    return _person("arjun", group="technical_community", country="IN")


@pytest.fixture
def admin_user(reference) -> User:
    return _person("admin", group="technical_community", country="CH",
                   is_staff=True, is_superuser=True)


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(wanjiru) -> Client:
    return login(wanjiru)


@pytest.fixture
def participant_client(ana) -> Client:
    return login(ana)


ALL_GROUPS_TAKE_PART = {
    "governments": "member", "private_sector": "member", "civil_society": "member",
    "technical_community": "member", "academia": "open", "igos": "observer",
}


@pytest.fixture
def small_map(reference, wanjiru):
    """A hand-built map with one issue per gap status.

    - spam/enforcement: covered by the (global, open, can recommend) Anti-Abuse Forum
    - jurisdiction/applicable-law: no venue at all -> no_home
    - data-flows/transfers: only the Regional Data Council -> home_not_global
    - cyber-norms/state-behaviour: only States Working Group (governments only) -> home_excludes_groups
    - connectivity/affordability: only Dialogue Forum (open, cannot act) -> home_cannot_act
    - connectivity/local-funds: not global -> not assessed
    """
    groups = {g.slug: g for g in StakeholderGroup.objects.all()}
    everyone_open = {groups[s]: "open" for s in groups}
    basket_security = Basket.objects.create(slug="security", name="Security", order=1)
    basket_legal = Basket.objects.create(slug="legal", name="Legal", order=2)
    basket_dev = Basket.objects.create(slug="development", name="Development", order=3)
    actor = wanjiru

    def issue(slug, title, basket, aspects):
        obj = services.issue_create(slug=slug, title=title, basket=basket, actor=actor,
                                    summary=f"About {title.lower()}.")
        made = {}
        for aspect_slug, aspect_title, needs_global in aspects:
            made[aspect_slug] = services.aspect_create(
                issue=obj, slug=aspect_slug, title=aspect_title,
                needs_global_policy=needs_global, actor=actor)
        return obj, made

    spam, _ = issue("spam", "Spam", basket_security, [("enforcement", "Cross-border enforcement", True)])
    jurisdiction, _ = issue("jurisdiction", "Jurisdiction", basket_legal,
                            [("applicable-law", "Applicable law", True)])
    flows, _ = issue("data-flows", "Cross-border data flows", basket_legal,
                     [("transfers", "Transfers of personal data", True)])
    norms, _ = issue("cyber-norms", "Cyber norms", basket_security,
                     [("state-behaviour", "Responsible state behaviour", True)])
    connectivity, conn_aspects = issue("connectivity", "Connectivity", basket_dev, [
        ("affordability", "Affordable international connectivity", True),
        ("local-funds", "Universal service funds", False),
    ])
    forum = services.venue_create(
        slug="anti-abuse-forum", name="Anti-Abuse Forum", acronym="AAF",
        kind=Venue.Kind.MULTISTAKEHOLDER, reach=Venue.Reach.GLOBAL, can_recommend=True,
        participation=everyone_open, actor=actor)
    council = services.venue_create(
        slug="regional-data-council", name="Regional Data Council",
        kind=Venue.Kind.REGIONAL, reach=Venue.Reach.REGIONAL, can_decide=True,
        participation=everyone_open, actor=actor)
    states = services.venue_create(
        slug="states-working-group", name="States Working Group",
        kind=Venue.Kind.INTERGOVERNMENTAL, reach=Venue.Reach.GLOBAL, can_recommend=True,
        participation={groups["governments"]: "member", groups["civil_society"]: "consulted"},
        actor=actor)
    dialogue = services.venue_create(
        slug="dialogue-forum", name="Dialogue Forum", kind=Venue.Kind.MULTISTAKEHOLDER,
        reach=Venue.Reach.GLOBAL, can_recommend=False, can_decide=False,
        participation=everyone_open, actor=actor)
    services.mandate_create(venue=forum, issue=spam, actor=actor, source="https://example.org/aaf")
    services.mandate_create(venue=council, issue=flows, actor=actor)
    services.mandate_create(venue=states, issue=norms, actor=actor)
    services.mandate_create(venue=dialogue, issue=connectivity, aspect=conn_aspects["affordability"],
                            actor=actor)
    return {
        "issues": {i.slug: i for i in (spam, jurisdiction, flows, norms, connectivity)},
        "venues": {v.slug: v for v in (forum, council, states, dialogue)},
        "baskets": [basket_security, basket_legal, basket_dev],
    }
