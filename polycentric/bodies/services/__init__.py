"""Every write about bodies: the body, its seat entries, its charter and its members.

Each service takes the acting user, writes inside a transaction and records an event. A change
to the seats or the rules is checked by the principles engine against the whole body (a seat
entry that a rule names cannot be removed, a quota cannot exceed the seats' weight, ...) and the
body's scorecard is recomputed and stored in the same transaction; a refused change writes
nothing. Views, the API, the admin and the reference loader all call these.

The body file of a body (`body_document`) is the format of DESIGN.md; the stored scorecard is
exactly what ``polycentric analyze --format json`` prints for that file.
"""

from polycentric.bodies.services.bodies import (
    body_analyse_under,
    body_create_from_data,
    body_create_from_document,
    body_delete,
    body_reanalyse,
    body_update,
)
from polycentric.bodies.services.charters import charter_update
from polycentric.bodies.services.common import (
    BODY_FIELDS,
    CHARTER_FIELDS,
    CHARTER_TEXT_FIELDS,
    SEAT_ENTRY_FIELDS,
    body_document,
    body_document_text,
)
from polycentric.bodies.services.members import member_add, member_end
from polycentric.bodies.services.seats import (
    seat_entry_create,
    seat_entry_delete,
    seat_entry_update,
)

__all__ = [
    "BODY_FIELDS",
    "CHARTER_FIELDS",
    "CHARTER_TEXT_FIELDS",
    "SEAT_ENTRY_FIELDS",
    "body_analyse_under",
    "body_create_from_data",
    "body_create_from_document",
    "body_delete",
    "body_document",
    "body_document_text",
    "body_reanalyse",
    "body_update",
    "charter_update",
    "member_add",
    "member_end",
    "seat_entry_create",
    "seat_entry_delete",
    "seat_entry_update",
]
