"""The charter: its rules are data checked by the engine; the scorecard follows the rule."""

from __future__ import annotations

import pytest

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.core.errors import ValidationFailed
from polycentric.core.models import Event
from tests.bodies.support import body_snapshot

pytestmark = pytest.mark.django_db


def test_a_rule_given_as_yaml_text_is_stored_as_data_and_analysed(cgi_br, wanjiru):
    services.charter_update(body=cgi_br, actor=wanjiru, rule=(
        "all:\n  - {majority: simple}\n  - {each: group, majority: simple}\n"))

    stored = Body.objects.get(pk=cgi_br.pk)
    assert stored.charter.decision_rule == {
        "all": [{"majority": "simple"}, {"each": "group", "majority": "simple"}]}
    assert stored.analysis["principles"]["no_group_decides_alone"]["passed"] is True
    event = Event.objects.get(kind="bodies.charter.updated")
    assert event.payload["changed"] == ["decision_rule"]


def test_a_fallback_rule_is_kept_but_not_analysed(council, wanjiru):
    services.charter_update(body=council, actor=wanjiru, fallback_rule={"consensus": True},
                            fallback_when="When a vote is called.")

    stored = Body.objects.get(pk=council.pk)
    assert stored.charter.fallback_rule == {"consensus": True}
    assert stored.analysis["fallback_rule"] == {"consensus": True}
    assert stored.analysis["rule"] == {"majority": "simple"}

    services.charter_update(body=council, actor=wanjiru, fallback_rule="")
    assert Body.objects.get(pk=council.pk).charter.fallback_rule is None


def test_notice_periods_change_without_reanalysis(council, wanjiru):
    analysed_at = council.analysed_at

    services.charter_update(body=council, actor=wanjiru, consultation_notice_days=45)

    stored = Body.objects.get(pk=council.pk)
    assert (stored.charter.consultation_notice_days, stored.analysed_at) == (45, analysed_at)


def test_required_groups_change_p1(council, wanjiru):
    services.charter_update(body=council, actor=wanjiru,
                            required_groups=["governments", "civil_society", "academia"])

    p1 = Body.objects.get(pk=council.pk).analysis["principles"]["all_groups"]
    assert p1["passed"] is False
    assert p1["missing"] == [{"group": "academia", "seats": 0, "minimum": 1}]


@pytest.mark.parametrize(("rule", "field", "words"), [
    ("{majority: [", "rule", "line 1: malformed YAML"),
    ({"majority": "most"}, "rule.majority", "'most'"),
    ({"quota": 6}, "rule.quota", "above the total weight"),
    ({"each": "colour", "majority": "simple"}, "rule.each", "'colour'"),
    ({"vote": "simple"}, "rule.vote", "unknown key"),
    ("", "rule", "Give a decision rule"),
])
def test_an_invalid_rule_is_refused_on_its_path_and_changes_nothing(council, wanjiru, rule,
                                                                    field, words):
    before = body_snapshot()

    with pytest.raises(ValidationFailed) as caught:
        services.charter_update(body=council, actor=wanjiru, rule=rule)

    assert words in " ".join(caught.value.errors[field])
    assert body_snapshot() == before
    assert council.charter.decision_rule == {"majority": "simple"}


def test_a_negative_notice_period_is_refused(council, wanjiru):
    with pytest.raises(ValidationFailed) as caught:
        services.charter_update(body=council, actor=wanjiru, minutes_days=-1)

    assert "minutes_days" in caught.value.errors
