"""Computing routes from the map (each of the four routes) and adopting one by a recorded act."""

from __future__ import annotations

import pytest

from polycentric.coordination import services
from polycentric.coordination.models import Route
from polycentric.core.errors import Conflict, PermissionDenied, ValidationFailed
from polycentric.core.models import Event
from polycentric.engines.routing import charter_checks
from tests.coordination.conftest import close

pytestmark = pytest.mark.django_db


def compute(routing_map, slug, actor):
    return services.route_compute(issue=routing_map["issues"][slug], actor=actor)


def test_a_covered_issue_goes_to_its_existing_venue(routing_map, fatou):
    route = compute(routing_map, "spam", fatou)

    assert route.kind == Route.Kind.EXISTING_VENUE
    assert [v.slug for v in route.venues.all()] == ["anti-abuse-forum"]
    assert route.draft_charter is None
    assert route.reasons[0] == "AAF is a home for the whole issue."
    event = Event.objects.get(kind="coordination.route.computed")
    assert event.payload["venues"] == ["anti-abuse-forum"] and event.actor == fatou


def test_venues_that_each_leave_groups_out_are_combined(routing_map, fatou):
    route = compute(routing_map, "cyber-norms", fatou)

    assert route.kind == Route.Kind.VENUE_COMBINATION
    roles = {r["venue"]: r for r in route.recommendation["venues"]}
    assert set(roles) == {"civic-network", "states-working-group"}
    assert roles["states-working-group"]["groups"] == ["governments"]
    assert "brings in governments" in roles["states-working-group"]["reasons"][0]


def test_an_issue_with_no_fitting_venue_goes_to_its_action_lines_facilitators(routing_map,
                                                                              fatou):
    route = compute(routing_map, "data-flows", fatou)

    assert route.kind == Route.Kind.ACTION_LINE_FACILITATORS
    assert [v.slug for v in route.venues.all()] == ["itu-hub"]
    assert any("does not reach" in r for r in route.reasons)


def test_an_issue_with_nothing_gets_a_working_group_whose_charter_passes_p4(routing_map, fatou):
    route = compute(routing_map, "jurisdiction", fatou)

    assert route.kind == Route.Kind.NEW_WORKING_GROUP
    assert route.venues.count() == 0
    charter = route.draft_charter
    assert len(charter["seats"]) == 6 * 5
    assert {s["region"] for s in charter["seats"]} == {
        "african", "asia_pacific", "eastern_european", "grulac", "weog"}
    checks = {c.key: c.passed for c in charter_checks(charter)}
    assert checks == {"all_groups": True, "global": True, "no_group_decides_alone": True,
                      "no_region_decides_alone": True}
    assert [c["passed"] for c in route.recommendation["charter_checks"]] == [True] * 4


def test_the_route_remembers_the_round_that_made_the_issue_a_priority(routing_map, make_round,
                                                                      fatou):
    round_ = close(make_round("open"))
    route = compute(routing_map, "spam", fatou)
    assert route.round == round_

    other = routing_map["issues"]["connectivity"]
    with pytest.raises(ValidationFailed) as refused:
        services.route_compute(issue=other, round=round_, actor=fatou)
    assert "round" in refused.value.errors


def test_participants_may_not_compute_routes(routing_map, ana):
    with pytest.raises(PermissionDenied):
        compute(routing_map, "spam", ana)
    assert not Route.objects.exists()


def test_the_bodys_facilitator_adopts_the_route_by_a_recorded_act(routing_map, make_round,
                                                                  fatou):
    close(make_round("open"))
    route = compute(routing_map, "spam", fatou)

    adopted = services.route_adopt(route=route, actor=fatou, note="Agreed at the March call.")

    assert adopted.adopted and adopted.adopted_by == fatou and adopted.adopted_at
    event = Event.objects.get(kind="coordination.route.adopted")
    assert event.actor == fatou
    assert event.payload["note"] == "Agreed at the March call."
    assert event.payload["round"] == route.round.slug
    with pytest.raises(Conflict, match="adopted already"):
        services.route_adopt(route=adopted, actor=fatou)


def test_adopting_a_newer_route_supersedes_the_old_one(routing_map, fatou, wanjiru):
    first = services.route_adopt(route=compute(routing_map, "spam", wanjiru), actor=wanjiru)
    second = compute(routing_map, "spam", wanjiru)

    services.route_adopt(route=second, actor=wanjiru)

    assert list(Route.objects.filter(adopted=True)) == [second]
    first.refresh_from_db()
    assert first.adopted_at is not None and not first.adopted
    latest = Event.objects.filter(kind="coordination.route.adopted").order_by("id").last()
    assert latest.payload["superseded"] == [first.pk]


def test_an_older_route_cannot_be_adopted(routing_map, wanjiru):
    old = compute(routing_map, "spam", wanjiru)
    compute(routing_map, "spam", wanjiru)
    with pytest.raises(Conflict, match="newer recommendation"):
        services.route_adopt(route=old, actor=wanjiru)
    assert not Route.objects.filter(adopted=True).exists()


def test_only_editors_adopt_a_route_from_no_round_and_participants_never(routing_map, fatou, ana,
                                                                         wanjiru):
    route = compute(routing_map, "spam", wanjiru)
    assert route.round is None
    for actor in (fatou, ana):
        with pytest.raises(PermissionDenied):
            services.route_adopt(route=route, actor=actor)
    assert services.route_adopt(route=route, actor=wanjiru).adopted


def test_a_long_note_is_refused(routing_map, wanjiru):
    route = compute(routing_map, "spam", wanjiru)
    with pytest.raises(ValidationFailed) as refused:
        services.route_adopt(route=route, actor=wanjiru, note="x" * 5001)
    assert "note" in refused.value.errors
    route.refresh_from_db()
    assert not route.adopted
