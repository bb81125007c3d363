"""Who may change bodies (django-rules). Reading bodies and their scorecards is public; changing
them is denied unless a predicate here allows it.

Editors (members of the "editors" group) and superusers create and edit bodies, seats, charters
and members, the same people who curate the map. Views and the API check the registered
permissions, e.g. ``request.user.has_perm("bodies.change_bodies")``.
"""

from __future__ import annotations

import rules

from polycentric.core.permissions import is_editor

can_edit_bodies = rules.is_active & is_editor
"""Create and change bodies, their seats, charters and members. A deactivated account loses the
right at once, whatever its groups."""

CHANGE_BODIES = "bodies.change_bodies"
"""The permission the editor pages check."""

BODY_PERMISSIONS = (
    CHANGE_BODIES,
    "bodies.add_body",
    "bodies.change_body",
    "bodies.delete_body",
    "bodies.add_seatentry",
    "bodies.change_seatentry",
    "bodies.delete_seatentry",
    "bodies.change_charter",
    "bodies.add_member",
    "bodies.change_member",
)

for _name in BODY_PERMISSIONS:
    rules.set_perm(_name, can_edit_bodies)  # set, not add: importing twice must not fail
