"""Who may change the map (django-rules). Reading the map is public; changing it is denied unless
a predicate here allows it.

Editors (members of the "editors" group) and superusers curate issues, aspects, venues and
mandates. Views and the API check the registered permissions, e.g.
``request.user.has_perm("issuemap.change_map")``.
"""

from __future__ import annotations

import rules

from polycentric.core.permissions import is_editor

can_edit_map = rules.is_active & is_editor
"""Create, change and delete issues, aspects, venues, participation and mandates. A deactivated
account loses the right at once, whatever its groups."""

CHANGE_MAP = "issuemap.change_map"
"""The permission the editor pages check."""

MAP_PERMISSIONS = (
    CHANGE_MAP,
    "issuemap.add_issue",
    "issuemap.change_issue",
    "issuemap.add_aspect",
    "issuemap.change_aspect",
    "issuemap.add_venue",
    "issuemap.change_venue",
    "issuemap.add_mandate",
    "issuemap.change_mandate",
    "issuemap.delete_mandate",
)

for _name in MAP_PERMISSIONS:
    rules.set_perm(_name, can_edit_map)  # set, not add: importing twice must not fail
