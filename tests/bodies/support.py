"""Body files and helpers shared by the bodies tests."""

from __future__ import annotations

import datetime
import html
import json
import re
from typing import Any

from django.test import Client

from polycentric.bodies.models import Body, Charter, Member, SeatEntry
from polycentric.core.models import Event

CGI_BR = """\
name: Brazilian Internet Steering Committee (CGI.br)
groups: [government, private_sector, civil_society, science_technology, expert]
regions: [GRULAC]
seats:
  - {name: government,   group: government,         region: GRULAC, count: 9}
  - {name: business,     group: private_sector,     region: GRULAC, count: 4}
  - {name: third_sector, group: civil_society,      region: GRULAC, count: 4}
  - {name: academia,     group: science_technology, region: GRULAC, count: 3}
  - {name: expert,       group: expert,             region: GRULAC, count: 1}
rule: {majority: simple}
"""

COUNCIL = """\
name: Two-group council
groups: [governments, civil_society]
regions: [African, WEOG]
seats:
  - {name: states, group: governments, region: African, count: 3}
  - {name: ngos, group: civil_society, region: WEOG, count: 2}
rule: {majority: simple}
"""

BAD_COUNT = """\
name: Broken council
groups: [governments, civil_society]
seats:
  - {name: states, group: governments, count: 3}
  - {name: ngos, group: civil_society, count: 0}
rule: {majority: simple}
"""
"""A count below 1 on line 5 (seats[1].count)."""

TERM_START = datetime.date(2024, 1, 1)


def body_snapshot() -> dict[str, Any]:
    """Every bodies row and the number of events: equal snapshots mean nothing changed."""
    return {
        "bodies": list(Body.objects.order_by("pk").values()),
        "charters": list(Charter.objects.order_by("pk").values()),
        "seat_entries": list(SeatEntry.objects.order_by("pk").values()),
        "members": list(Member.objects.order_by("pk").values()),
        "events": Event.objects.count(),
    }


def send(client: Client, method: str, url: str, body: Any = None, **headers: str):
    """A JSON request; `body` may be a dict (encoded) or a string (sent as is)."""
    data = body if isinstance(body, str) or body is None else json.dumps(body)
    return getattr(client, method.lower())(url, data=data, content_type="application/json",
                                           headers=headers)


TAGS = re.compile(r"<[^>]+>")


def text_of(response) -> str:
    """The page's main content as plain text with collapsed spaces, for reading assertions."""
    page = response.content.decode()
    main = page.split('<main id="main"', 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", TAGS.sub(" ", main)).strip())


def section_of(response, element_id: str) -> str:
    """The plain text from the element with this id to the next h2."""
    page = response.content.decode()
    part = page.split(f'id="{element_id}"', 1)[-1].split('<h2 id="', 1)[0]
    return html.unescape(re.sub(r"\s+", " ", TAGS.sub(" ", part)).strip())
