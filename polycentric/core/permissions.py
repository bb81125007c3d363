"""Shared permission predicates (django-rules). Everything is denied unless a predicate allows it."""

from __future__ import annotations

import rules

EDITORS_GROUP = "editors"

is_authenticated = rules.is_authenticated
is_admin = rules.is_superuser
is_editor = rules.is_group_member(EDITORS_GROUP) | rules.is_superuser
