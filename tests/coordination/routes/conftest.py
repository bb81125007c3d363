"""A map with one issue per route, on top of `small_map`:

- spam: the Anti-Abuse Forum, global and open to every group, covers it -> existing venue;
- cyber-norms: the States Working Group (governments) and a new global Civic Network (every other
  group) cover it -> the two together;
- data-flows: only the Regional Data Council (no region listed), under WSIS action line C5,
  facilitated by the ITU Hub -> the action line's facilitators;
- jurisdiction: nothing -> a new working group.
"""

from __future__ import annotations

import pytest

from polycentric.accounts.models import StakeholderGroup
from polycentric.issuemap import services as map_services
from polycentric.issuemap.models import ActionLine, Venue


@pytest.fixture
def routing_map(small_map, wanjiru):
    groups = {g.slug: g for g in StakeholderGroup.objects.all()}
    civic = map_services.venue_create(
        slug="civic-network", name="Civic Network", kind=Venue.Kind.MULTISTAKEHOLDER,
        reach=Venue.Reach.GLOBAL, can_recommend=True,
        participation={g: "member" for slug, g in groups.items() if slug != "governments"},
        actor=wanjiru)
    map_services.mandate_create(venue=civic, issue=small_map["issues"]["cyber-norms"],
                                actor=wanjiru)
    c5 = ActionLine.objects.create(
        code="C5", title="Building confidence and security in the use of ICTs", order=5)
    hub = map_services.venue_create(
        slug="itu-hub", name="ITU Hub", kind=Venue.Kind.UN_AGENCY, reach=Venue.Reach.GLOBAL,
        can_recommend=True, participation={groups["governments"]: "member"}, actor=wanjiru)
    hub.action_lines.add(c5)
    small_map["issues"]["data-flows"].action_lines.add(c5)
    small_map["venues"].update({"civic-network": civic, "itu-hub": hub})
    return small_map
