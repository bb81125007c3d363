"""Load the bundled reference bodies (reference/bodies.yaml): CGI.br, the WGEC, the IGF MAG, the
ICANN Board and a few instructive variants, each with its scorecard computed.

Loading is an upsert by slug and idempotent: a body whose file, venue and notes are unchanged is
left as it is (no event), a changed one is updated through the same services as the editors'
forms, and every scorecard is recomputed if the engine would now say something else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from polycentric.bodies import services
from polycentric.bodies.models import Body
from polycentric.issuemap.models import Venue

BODIES_FILE = Path(__file__).resolve().parent / "reference" / "bodies.yaml"


@transaction.atomic
def bodies_reference_load(*, actor: Any = None, path: Path = BODIES_FILE) -> dict[str, int]:
    """Create or update the reference bodies; return how many were created and updated.

    A venue named by an entry links the body to the map when the map has it (the map is loaded
    first by `polycentric setup`); otherwise the body is loaded without a venue."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    venues = {v.slug: v for v in Venue.objects.filter(
        slug__in=[e["venue"] for e in document["bodies"] if e.get("venue")])}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for entry in document["bodies"]:
        venue = venues.get(entry.get("venue") or "")
        body = Body.objects.filter(slug=entry["slug"]).first()
        values = {"acronym": entry.get("acronym") or "", "source": entry.get("source") or ""}
        charter = entry.get("charter") or {}
        if body is None:
            body = services.body_create_from_data(
                document=entry["body"], actor=actor, venue=venue, slug=entry["slug"],
                charter=charter, **values,
            )
            counts["created"] += 1
        else:
            before = (services.body_document(body), body.venue_id, body.acronym, body.source)
            body = services.body_update(
                body=body, actor=actor, document=entry["body"], file_name=path.name,
                venue=venue, charter=charter, purpose=entry["body"].get("purpose", ""), **values,
            )
            services.body_reanalyse(body=body, actor=actor)
            after = (services.body_document(body), body.venue_id, body.acronym, body.source)
            counts["updated" if after != before else "unchanged"] += 1
        for entry_row in body.seat_entries.all():
            note = (entry.get("seat_notes") or {}).get(entry_row.name, "")
            if entry_row.description != note.strip():
                services.seat_entry_update(seat_entry=entry_row, description=note.strip(),
                                           actor=actor)
    return counts
