"""Export the map as open data: the map document (JSON, re-importable) or CSV tables."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.db.models import Prefetch

from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)
from polycentric.issuemap.selectors import gap_report


def map_document() -> dict[str, Any]:
    """The whole map in the import format (docs/map-format.md): export then import is a no-op."""
    lines = list(ActionLine.objects.select_related("parent").order_by("order", "code"))
    top = [a for a in lines if a.parent_id is None]

    def line_dict(line: ActionLine) -> dict[str, Any]:
        return {
            "code": line.code, "title": line.title, "lead_facilitator": line.lead_facilitator,
            "co_facilitators": [c.strip() for c in line.co_facilitators.split(",") if c.strip()],
            "source": line.source,
        }

    action_lines = []
    for line in top:
        entry = line_dict(line)
        subs = [line_dict(s) for s in lines if s.parent_id == line.pk]
        if subs:
            entry["sub_lines"] = subs
        action_lines.append(entry)

    issues = Issue.objects.select_related("basket").prefetch_related(
        Prefetch("aspects", queryset=Aspect.objects.order_by("order", "slug")), "action_lines"
    ).order_by("slug")
    venues = Venue.objects.select_related("parent").prefetch_related(
        Prefetch("participation", queryset=Participation.objects.select_related("group")),
        "regions__scheme", "action_lines",
    ).order_by("slug")
    mandates = Mandate.objects.select_related("venue", "issue", "aspect").order_by(
        "venue__slug", "issue__slug", "aspect__slug"
    )
    return {
        "baskets": [
            {"slug": b.slug, "name": b.name, "summary": b.summary, "source": b.source, "order": b.order}
            for b in Basket.objects.order_by("order", "slug")
        ],
        "action_lines": action_lines,
        "issues": [
            {
                "slug": i.slug, "title": i.title, "basket": i.basket.slug, "summary": i.summary,
                "action_lines": sorted(a.code for a in i.action_lines.all()),
                "expertise": i.expertise, "status": i.status, "priority": i.priority,
                "source": i.source,
                "aspects": [
                    {"slug": a.slug, "title": a.title, "description": a.description,
                     "global": a.needs_global_policy}
                    for a in i.aspects.all()
                ],
            }
            for i in issues
        ],
        "venues": [
            {
                "slug": v.slug, "name": v.name, "acronym": v.acronym, "kind": v.kind,
                "reach": v.reach,
                "regions": sorted(f"{r.scheme.slug}:{r.slug}" for r in v.regions.all()),
                "outputs": v.outputs, "can_decide": v.can_decide, "can_recommend": v.can_recommend,
                "parent": v.parent.slug if v.parent else None,
                "action_lines": sorted(a.code for a in v.action_lines.all()),
                "url": v.url, "description": v.description,
                "participation": {p.group.slug: p.mode for p in v.participation.all()},
                "source": v.source,
            }
            for v in venues
        ],
        "mandates": [
            {
                "venue": m.venue.slug, "issue": m.issue.slug,
                "aspect": m.aspect.slug if m.aspect else None, "extent": m.extent,
                "source": m.source, "note": m.note,
            }
            for m in mandates
        ],
    }


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def map_tables() -> dict[str, str]:
    """CSV tables keyed by file name: issues, aspects, venues, participation, mandates, gaps."""
    doc = map_document()
    report = gap_report()
    statuses = {(g.issue, g.aspect): g for g in report.aspects}
    return {
        "issues.csv": _csv(
            ["slug", "title", "basket", "status", "gap_status", "action_lines", "summary", "source"],
            [[i["slug"], i["title"], i["basket"], i["status"],
              report.issues[i["slug"]].status.value if i["slug"] in report.issues else "",
              " ".join(i["action_lines"]), i["summary"], i["source"]] for i in doc["issues"]],
        ),
        "aspects.csv": _csv(
            ["issue", "slug", "title", "needs_global_policy", "gap_status", "description"],
            [[i["slug"], a["slug"], a["title"], a["global"],
              statuses[(i["slug"], a["slug"])].status.value if (i["slug"], a["slug"]) in statuses else "not_assessed",
              a["description"]] for i in doc["issues"] for a in i["aspects"]],
        ),
        "venues.csv": _csv(
            ["slug", "name", "acronym", "kind", "reach", "regions", "outputs", "can_decide",
             "can_recommend", "parent", "url"],
            [[v["slug"], v["name"], v["acronym"], v["kind"], v["reach"], " ".join(v["regions"]),
              v["outputs"], v["can_decide"], v["can_recommend"], v["parent"] or "", v["url"]]
             for v in doc["venues"]],
        ),
        "participation.csv": _csv(
            ["venue", "stakeholder_group", "mode"],
            [[v["slug"], g, m] for v in doc["venues"] for g, m in sorted(v["participation"].items())],
        ),
        "mandates.csv": _csv(
            ["venue", "issue", "aspect", "extent", "source", "note"],
            [[m["venue"], m["issue"], m["aspect"] or "", m["extent"], m["source"], m["note"]]
             for m in doc["mandates"]],
        ),
        "gaps.csv": _csv(
            ["issue", "aspect", "status", "reasons"],
            [[g.issue, g.aspect, g.status.value, " | ".join(g.reasons)] for g in report.aspects],
        ),
    }
