"""The routing engine: the most appropriate way forward for a priority issue, from the map.

Give it the issue (its aspects that need global policy with the venues covering each, and its WSIS
action lines), the venues (who takes part, where they reach, whether they can act, the action
lines they facilitate) and the groups and regions every route must include. `recommend_route`
returns, with reasons in words: an existing venue; else several venues that together include
every group and region (saying which gap each fills); else the facilitators of the issue's WSIS
action lines; else a new ad hoc multistakeholder working group with a draft charter that passes
P1, P3 and P4. Pure Python: plain typed data in and out, deterministic order.

>>> from polycentric.engines.routing import (AspectInput, IssueInput, RoutingParameters,
...     recommend_route)
>>> parameters = RoutingParameters(groups=("governments", "civil_society"), regions=("african", "weog"))
>>> issue = IssueInput("jurisdiction", "Jurisdiction", (AspectInput("law", "Applicable law"),))
>>> result = recommend_route(issue, {}, parameters)
>>> result.kind.value
'new_working_group'
>>> result.draft_charter["rule"]["all"][1]
{'each': 'group', 'majority': 'simple'}
>>> all(check.passed for check in result.charter_checks)
True
"""

from polycentric.engines.routing.charter import WORKING_GROUP_RULE, charter_checks, draft_charter
from polycentric.engines.routing.engine import RoutingError, recommend_route
from polycentric.engines.routing.model import (
    DEFAULT_TAKING_PART,
    AspectInput,
    CoveringVenue,
    IssueInput,
    Need,
    PrincipleCheck,
    Recommendation,
    RouteKind,
    RoutingParameters,
    VenueInput,
    VenueRole,
)

__all__ = [
    "DEFAULT_TAKING_PART",
    "WORKING_GROUP_RULE",
    "AspectInput",
    "CoveringVenue",
    "IssueInput",
    "Need",
    "PrincipleCheck",
    "Recommendation",
    "RouteKind",
    "RoutingError",
    "RoutingParameters",
    "VenueInput",
    "VenueRole",
    "charter_checks",
    "draft_charter",
    "recommend_route",
]
