"""The draft charter of a new ad hoc multistakeholder working group, checked by the principles
engine.

Seats: one per stakeholder group and region, so every group sits for every region and no region
holds more than its equal share. Rule: a simple majority of all seats that is also a simple
majority inside every stakeholder group and inside every region, so the seats outside any one
group (or region) can never pass a decision on their own (principle P4)::

    all: [{majority: simple}, {each: group, majority: simple}, {each: region, majority: simple}]

>>> from polycentric.engines.routing.model import RoutingParameters
>>> parameters = RoutingParameters(groups=("governments", "civil_society"),
...                                regions=("african", "weog"))
>>> document = draft_charter(issue_title="Spam", parameters=parameters)
>>> [seat["name"] for seat in document["seats"]]
['governments-african', 'governments-weog', 'civil_society-african', 'civil_society-weog']
>>> [(check.key, check.passed) for check in charter_checks(document)]
[('all_groups', True), ('global', True), ('no_group_decides_alone', True), ('no_region_decides_alone', True)]
"""

from __future__ import annotations

from typing import Any

from polycentric.engines.power import Game
from polycentric.engines.principles import (
    Thresholds,
    all_groups,
    decides_alone,
    global_reach,
    parse_body_data,
)
from polycentric.engines.routing.model import PrincipleCheck, RoutingParameters

WORKING_GROUP_RULE: dict[str, Any] = {
    "all": [
        {"majority": "simple"},
        {"each": "group", "majority": "simple"},
        {"each": "region", "majority": "simple"},
    ]
}
"""A majority overall, in every stakeholder group and in every region."""

NAME_LIMIT = 200


def draft_charter(*, issue_title: str, parameters: RoutingParameters) -> dict[str, Any]:
    """A body file for a working group on ``issue_title`` with a seat for every group and region.

    Without regions, one seat per group; the rule then asks a majority overall and in every group.
    """
    groups = list(parameters.groups)
    regions = list(parameters.regions)
    if regions:
        seats = [
            {"name": f"{group}-{region}", "group": group, "region": region, "count": 1}
            for group in groups
            for region in regions
        ]
        rule = WORKING_GROUP_RULE
    else:
        seats = [{"name": group, "group": group, "count": 1} for group in groups]
        rule = {"all": WORKING_GROUP_RULE["all"][:2]}
    name = f"Ad hoc multistakeholder working group on {issue_title}"[:NAME_LIMIT]
    document: dict[str, Any] = {
        "name": name,
        "purpose": (
            f"Take the issue “{issue_title}” forward where no existing venue or combination of "
            "venues can: every stakeholder group sits for every region, and no group or region "
            "can decide without the others."
        ),
        "groups": groups,
    }
    if regions:
        document["regions"] = regions
    document["seats"] = seats
    document["rule"] = rule
    return document


def charter_checks(document: dict[str, Any]) -> tuple[PrincipleCheck, ...]:
    """Check a draft charter against P1, P3 and P4 (groups and regions) with the principles
    engine. The power analysis is not run: only whether each principle passes matters here.

    Raises the principles engine's `BodyFileError` if the document is not a valid body file.
    """
    spec = parse_body_data(document, name=str(document.get("name", "draft charter")))
    thresholds = spec.thresholds or Thresholds()
    game = Game(spec.rule, spec.seats)
    results = (
        all_groups(spec, thresholds),
        global_reach(spec, thresholds),
        decides_alone(spec, game, "group"),
        decides_alone(spec, game, "region"),
    )
    return tuple(
        PrincipleCheck(key=result.key.value, passed=result.passed, summary=result.summary)
        for result in results
    )
