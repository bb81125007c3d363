"""The map at a glance: issues by basket with their gap status and counts."""

from __future__ import annotations

from collections import Counter

from polycentric.engines.gaps import GapStatus
from polycentric.issuemap.selectors import basket_list, gap_report, issue_list

STATUS_ORDER = [
    GapStatus.NO_HOME,
    GapStatus.HOME_NOT_GLOBAL,
    GapStatus.HOME_EXCLUDES_GROUPS,
    GapStatus.HOME_CANNOT_ACT,
    GapStatus.COVERED,
    GapStatus.NOT_ASSESSED,
]


def map_at_a_glance() -> dict[str, object]:
    report = gap_report()
    issues = list(issue_list().only("slug", "title", "basket_id"))
    by_basket: dict[int, list[tuple[object, GapStatus]]] = {}
    for issue in issues:
        entry = report.issues.get(issue.slug)
        status = entry.status if entry else GapStatus.NOT_ASSESSED
        by_basket.setdefault(issue.basket_id, []).append((issue, status))
    baskets = []
    for basket in basket_list():
        rows = by_basket.get(basket.pk, [])
        counts = Counter(status for _, status in rows)
        baskets.append({
            "basket": basket,
            "issues": rows,
            "counts": [(s, counts[s]) for s in STATUS_ORDER if counts[s]],
        })
    issue_counts = Counter(
        (report.issues[i.slug].status if i.slug in report.issues else GapStatus.NOT_ASSESSED)
        for i in issues
    )
    return {
        "baskets": baskets,
        "issue_total": len(issues),
        "issue_counts": [(s, issue_counts[s]) for s in STATUS_ORDER],
        "aspect_summary": report.summary(),
        "gap_total": len(report.gaps),
        "statuses": STATUS_ORDER,
    }
