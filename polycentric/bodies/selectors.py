"""Reads about bodies, with the related rows each page needs fetched up front, so a page makes
the same number of queries whatever the number of bodies, seats or members."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Prefetch, QuerySet

from polycentric.accounts.models import StakeholderGroup
from polycentric.bodies.models import PRINCIPLE_KEYS, Body, Member, SeatEntry

GLANCE = {
    "glance_seats": "seats",
    "glance_passed": "passed",
    "glance_rule": "rule",
    "glance_rule_summary": "rule_summary",
    **{f"glance_{key}": f"principles__{key}__passed" for key in PRINCIPLE_KEYS},
}
"""What a list shows of each stored scorecard, read from the database without the rest of it
(a large body's scorecard runs to megabytes)."""


def body_list() -> QuerySet[Body]:
    """Every body in name order with its venue and its scorecard at a glance (`body_glance`);
    the full scorecard is not loaded."""
    return (
        Body.objects.select_related("venue")
        .defer("analysis")
        .annotate(**{name: F(f"analysis__{path}") for name, path in GLANCE.items()})
        .order_by("name", "pk")
    )


def body_glance(body: Body) -> dict[str, Any]:
    """A body's scorecard at a glance: seats, rule, whether it passes, and each principle's
    verdict (None where not analysed). Reads the annotations of `body_list`, else the scorecard."""
    if hasattr(body, "glance_seats"):
        values = {path: getattr(body, name) for name, path in GLANCE.items()}
    else:
        analysis = body.analysis or {}
        values = {path: analysis.get(path) for path in ("seats", "passed", "rule", "rule_summary")}
        values.update({f"principles__{key}__passed": passed
                       for key, passed in body.principles.items()})
    return {
        "seats": values["seats"],
        "passed": values["passed"],
        "rule": values["rule"] or {},
        "rule_summary": values["rule_summary"] or "",
        "principles": {key: values[f"principles__{key}__passed"] for key in PRINCIPLE_KEYS},
    }


def body_get(slug: str) -> Body:
    """One body with its venue, charter, seat entries and members (raises Body.DoesNotExist)."""
    return (
        Body.objects.select_related("venue", "charter")
        .prefetch_related(
            Prefetch("seat_entries", queryset=SeatEntry.objects.order_by("order", "pk")),
            Prefetch(
                "members",
                queryset=Member.objects.select_related("participant", "seat_entry").order_by(
                    "seat_entry__order", "-start", "pk"
                ),
            ),
        )
        .get(slug=slug)
    )


def group_names() -> dict[str, str]:
    """Names of the site's stakeholder groups by slug, for groups a body names by slug."""
    return dict(StakeholderGroup.objects.values_list("slug", "name"))
