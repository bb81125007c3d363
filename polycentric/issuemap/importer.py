"""Import a map document (docs/map-format.md): check everything first, then write all or nothing.

    >>> map_import(path=Path("map.yaml"), actor=None)   # doctest: +SKIP
    ImportResult(created={'issue': 64, ...}, updated={...})

Problems are collected as 'FILE: entry: field: problem' lines; one problem stops the import and
nothing is written.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from django.db import transaction

from polycentric.accounts.models import Region, StakeholderGroup
from polycentric.core.errors import ImportRejected
from polycentric.core.services import event_record
from polycentric.issuemap.labels import RESERVED_SLUGS
from polycentric.issuemap.models import (
    ActionLine,
    Aspect,
    Basket,
    Issue,
    Mandate,
    Participation,
    Venue,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SMALL_INT_MAX = 32767  # PositiveSmallIntegerField holds 0..32767 on every database
TOP_KEYS = {"baskets", "action_lines", "issues", "venues", "mandates"}
KEYS = {
    "baskets": ({"slug", "name"}, {"summary", "source", "order"}),
    "action_lines": ({"code", "title"}, {"lead_facilitator", "co_facilitators", "source", "sub_lines"}),
    "sub_lines": ({"code", "title"}, {"lead_facilitator", "co_facilitators", "source"}),
    "issues": ({"slug", "title", "basket"},
               {"summary", "action_lines", "expertise", "status", "priority", "source", "aspects"}),
    "aspects": ({"slug", "title"}, {"description", "global"}),
    "venues": ({"slug", "name", "kind", "reach"},
               {"acronym", "regions", "outputs", "can_decide", "can_recommend", "parent",
                "action_lines", "url", "description", "participation", "source"}),
    "mandates": ({"venue", "issue"}, {"aspect", "extent", "source", "note"}),
}


@dataclass
class ImportResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = []
        for kind in ("basket", "action_line", "issue", "aspect", "venue", "mandate"):
            if self.created[kind] or self.updated[kind]:
                parts.append(f"{kind}s: {self.created[kind]} new, {self.updated[kind]} updated")
        return "; ".join(parts) or "nothing to import"


def parse_map_file(path: Path) -> Any:
    """Read YAML or JSON; a syntax error becomes an ImportRejected naming the line."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected(f"{name}: cannot read the file: {exc}", errors={name: [str(exc)]}) from exc
    return parse_map_text(text, name=name, as_json=path.suffix.lower() == ".json")


def parse_map_text(text: str, *, name: str, as_json: bool = False) -> Any:
    try:
        if as_json:
            return json.loads(text)
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        msg = f"{name}: line {exc.lineno}: malformed JSON: {exc.msg}"
        raise ImportRejected(msg, errors={name: [msg]}) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        msg = f"{name}: {where}: malformed YAML: {problem}"
        raise ImportRejected(msg, errors={name: [msg]}) from exc


class _Checker:
    """Validates a parsed document against the database, collecting every problem."""

    def __init__(self, name: str, document: Any):
        self.name = name
        self.doc = document
        self.problems: list[tuple[str, str]] = []
        self.groups = {g.slug: g for g in StakeholderGroup.objects.all()}
        self.regions = {f"{r.scheme.slug}:{r.slug}": r for r in Region.objects.select_related("scheme")}

    def problem(self, entry: str, fld: str, text: str) -> None:
        self.problems.append((f"{self.name}: {entry}: {fld}", text))

    def entries(self, key: str) -> list[Any]:
        value = self.doc.get(key) or []
        if not isinstance(value, list):
            self.problem(key, key, "must be a list")
            return []
        return value

    def label(self, key: str, index: int, entry: Any, ident: str = "slug") -> str:
        if isinstance(entry, dict) and isinstance(entry.get(ident), str):
            return f"{key}[{index}] ({entry[ident]})"
        return f"{key}[{index}]"

    @staticmethod
    def parent_cycle(slug: str, parents: dict[str, str | None]) -> bool:
        """Whether following parents up from `slug` comes back to it."""
        seen = {slug}
        current = parents.get(slug)
        while current is not None:
            if current in seen:
                return current == slug
            seen.add(current)
            current = parents.get(current)
        return False

    def keys(self, kind: str, where: str, entry: Any) -> bool:
        if not isinstance(entry, dict):
            self.problem(where, kind, "must be a mapping of fields")
            return False
        required, optional = KEYS[kind]
        for missing in sorted(required - set(entry)):
            self.problem(where, missing, "is required")
        for unknown in sorted(set(entry) - required - optional):
            self.problem(where, unknown, "unknown field")
        return all(k in entry for k in required)

    def text(self, where: str, entry: dict, fld: str, *, max_len: int, required: bool = False) -> None:
        value = entry.get(fld)
        if value is None:
            if required:
                self.problem(where, fld, "is required")
            return
        if not isinstance(value, str):
            self.problem(where, fld, f"must be text, not {type(value).__name__}")
        elif required and not value.strip():
            self.problem(where, fld, "must not be empty")
        elif len(value) > max_len:
            self.problem(where, fld, f"is longer than {max_len} characters")

    def slug(self, where: str, entry: dict, fld: str = "slug", *, max_len: int = 80,
             reserved: bool = False) -> None:
        value = entry.get(fld)
        if not isinstance(value, str) or not SLUG.match(value):
            self.problem(where, fld, f"{value!r} is not a valid slug (lowercase letters, digits, - and _)")
        elif reserved and value in RESERVED_SLUGS:
            self.problem(where, fld, f"{value!r} is reserved for the site's own pages")
        elif len(value) > max_len:
            self.problem(where, fld, f"is longer than {max_len} characters")

    def whole_number(self, where: str, entry: dict, fld: str) -> None:
        value = entry.get(fld)
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= SMALL_INT_MAX:
            self.problem(where, fld, f"must be a whole number from 0 to {SMALL_INT_MAX}, not {value!r}")

    def boolean(self, where: str, entry: dict, fld: str) -> None:
        if fld in entry and not isinstance(entry[fld], bool):
            self.problem(where, fld, f"must be true or false, not {entry[fld]!r}")

    def choice(self, where: str, entry: dict, fld: str, choices: list[str]) -> None:
        if fld in entry and entry[fld] not in choices:
            self.problem(where, fld, f"unknown value {entry[fld]!r}; use one of {', '.join(choices)}")

    def list_of_str(self, where: str, entry: dict, fld: str) -> list[str]:
        value = entry.get(fld)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(where, fld, "must be a list of text values")
            return []
        return value

    def link(self, where: str, entry: dict, fld: str, *, max_len: int) -> None:
        value = entry.get(fld)
        if value in (None, ""):
            return
        parsed = urlparse(value) if isinstance(value, str) else None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
            self.problem(where, fld, f"{value!r} is not an http(s) link")
        elif len(value) > max_len:
            self.problem(where, fld, f"is longer than {max_len} characters")

    def run(self) -> None:
        if not isinstance(self.doc, dict):
            self.problem("document", "document", "must be a mapping with baskets, issues, venues, ...")
            return
        for unknown in sorted(set(self.doc) - TOP_KEYS):
            self.problem("document", unknown, "unknown section")

        baskets = set(Basket.objects.values_list("slug", flat=True))
        seen: Counter[str] = Counter()
        for i, entry in enumerate(self.entries("baskets")):
            where = self.label("baskets", i, entry)
            if not self.keys("baskets", where, entry):
                continue
            self.slug(where, entry, max_len=64)
            self.text(where, entry, "name", max_len=160, required=True)
            self.text(where, entry, "summary", max_len=5000)
            self.text(where, entry, "source", max_len=2000)
            self.whole_number(where, entry, "order")
            if not isinstance(entry["slug"], str):
                continue
            seen[entry["slug"]] += 1
            if seen[entry["slug"]] == 2:
                self.problem(where, "slug", f"duplicate slug {entry['slug']!r}")
            baskets.add(entry["slug"])

        codes = set(ActionLine.objects.values_list("code", flat=True))
        seen = Counter()
        for i, entry in enumerate(self.entries("action_lines")):
            where = self.label("action_lines", i, entry, "code")
            if not self.keys("action_lines", where, entry):
                continue
            subs = entry.get("sub_lines") or []
            if not isinstance(subs, list):
                self.problem(where, "sub_lines", "must be a list")
                subs = []
            for line, w in [(entry, where)] + [
                (s, f"{where}.sub_lines[{j}]") for j, s in enumerate(subs)
            ]:
                if line is not entry and not self.keys("sub_lines", w, line):
                    continue
                self.text(w, line, "code", max_len=40, required=True)
                self.text(w, line, "title", max_len=300, required=True)
                self.text(w, line, "lead_facilitator", max_len=120)
                self.text(w, line, "source", max_len=2000)
                if len(", ".join(self.list_of_str(w, line, "co_facilitators"))) > 300:
                    self.problem(w, "co_facilitators", "are longer than 300 characters together")
                seen[str(line["code"])] += 1
                if seen[str(line["code"])] == 2:
                    self.problem(w, "code", f"duplicate code {line['code']!r}")
                codes.add(str(line["code"]))

        issues: dict[str, set[str]] = {
            slug: set() for slug in Issue.objects.values_list("slug", flat=True)
        }
        for issue_slug, aspect_slug in Aspect.objects.values_list("issue__slug", "slug"):
            issues[issue_slug].add(aspect_slug)
        seen = Counter()
        for i, entry in enumerate(self.entries("issues")):
            where = self.label("issues", i, entry)
            if not self.keys("issues", where, entry):
                continue
            self.slug(where, entry, reserved=True)
            self.text(where, entry, "title", max_len=200, required=True)
            for fld, n in (("summary", 5000), ("expertise", 300), ("source", 2000)):
                self.text(where, entry, fld, max_len=n)
            self.choice(where, entry, "status", list(Issue.Status.values))
            self.whole_number(where, entry, "priority")
            if not isinstance(entry["basket"], str) or entry["basket"] not in baskets:
                self.problem(where, "basket", f"unknown basket {entry['basket']!r}")
            for code in self.list_of_str(where, entry, "action_lines"):
                if code not in codes:
                    self.problem(where, "action_lines", f"unknown action line {code!r}")
            if not isinstance(entry["slug"], str):
                continue
            seen[entry["slug"]] += 1
            if seen[entry["slug"]] == 2:
                self.problem(where, "slug", f"duplicate slug {entry['slug']!r}")
            aspect_slugs = issues.setdefault(entry["slug"], set())
            aspects = entry.get("aspects") or []
            if not isinstance(aspects, list):
                self.problem(where, "aspects", "must be a list")
                continue
            in_file: Counter[str] = Counter()
            for j, aspect in enumerate(aspects):
                w = f"{where}.aspects[{j}]"
                if isinstance(aspect, dict) and isinstance(aspect.get("slug"), str):
                    w += f" ({aspect['slug']})"
                if not self.keys("aspects", w, aspect):
                    continue
                self.slug(w, aspect)
                self.text(w, aspect, "title", max_len=200, required=True)
                self.text(w, aspect, "description", max_len=5000)
                self.boolean(w, aspect, "global")
                if not isinstance(aspect["slug"], str):
                    continue
                in_file[aspect["slug"]] += 1
                if in_file[aspect["slug"]] == 2:
                    self.problem(w, "slug", f"duplicate aspect slug {aspect['slug']!r} in this issue")
                aspect_slugs.add(aspect["slug"])

        venues = set(Venue.objects.values_list("slug", flat=True))
        file_venues = {
            e["slug"] for e in self.entries("venues") if isinstance(e, dict) and isinstance(e.get("slug"), str)
        }
        # Each venue's parent once the file is imported: the file's word, else the database's.
        parents: dict[str, str | None] = dict(
            Venue.objects.filter(parent__isnull=False).values_list("slug", "parent__slug")
        )
        for e in self.entries("venues"):
            if isinstance(e, dict) and isinstance(e.get("slug"), str):
                parent_slug = e.get("parent")
                parents[e["slug"]] = parent_slug if isinstance(parent_slug, str) else None
        seen = Counter()
        for i, entry in enumerate(self.entries("venues")):
            where = self.label("venues", i, entry)
            if not self.keys("venues", where, entry):
                continue
            self.slug(where, entry, reserved=True)
            self.text(where, entry, "name", max_len=200, required=True)
            self.text(where, entry, "acronym", max_len=40)
            self.text(where, entry, "description", max_len=5000)
            self.text(where, entry, "source", max_len=2000)
            self.link(where, entry, "url", max_len=200)
            self.choice(where, entry, "kind", list(Venue.Kind.values))
            self.choice(where, entry, "reach", list(Venue.Reach.values))
            self.choice(where, entry, "outputs", list(Venue.Outputs.values))
            self.boolean(where, entry, "can_decide")
            self.boolean(where, entry, "can_recommend")
            parent = entry.get("parent")
            if parent is not None and (not isinstance(parent, str) or parent not in venues | file_venues):
                self.problem(where, "parent", f"unknown venue {parent!r}")
            elif parent is not None and parent == entry["slug"]:
                self.problem(where, "parent", "a venue cannot be its own parent")
            elif parent is not None and self.parent_cycle(entry["slug"], parents):
                self.problem(where, "parent", f"{parent!r} is already below this venue (a cycle)")
            for ref in self.list_of_str(where, entry, "regions"):
                if ref not in self.regions:
                    self.problem(where, "regions", f"unknown region {ref!r} (use scheme:slug, e.g. un:african)")
            for code in self.list_of_str(where, entry, "action_lines"):
                if code not in codes:
                    self.problem(where, "action_lines", f"unknown action line {code!r}")
            participation = entry.get("participation") or {}
            if not isinstance(participation, dict):
                self.problem(where, "participation", "must map stakeholder groups to modes")
            else:
                for group, mode in participation.items():
                    if group not in self.groups:
                        self.problem(where, f"participation.{group}", f"unknown stakeholder group {group!r}")
                    if mode not in Participation.Mode.values:
                        self.problem(
                            where, f"participation.{group}",
                            f"unknown participation mode {mode!r}; use one of {', '.join(Participation.Mode.values)}",
                        )
            if not isinstance(entry["slug"], str):
                continue
            seen[entry["slug"]] += 1
            if seen[entry["slug"]] == 2:
                self.problem(where, "slug", f"duplicate slug {entry['slug']!r}")
        venues |= file_venues

        seen_mandates: Counter[tuple[str, str, str]] = Counter()
        for i, entry in enumerate(self.entries("mandates")):
            where = f"mandates[{i}]"
            if isinstance(entry, dict):
                where += f" ({entry.get('venue')} -> {entry.get('issue')}"
                where += f"/{entry['aspect']})" if entry.get("aspect") else ")"
            if not self.keys("mandates", where, entry):
                continue
            if not isinstance(entry["venue"], str) or entry["venue"] not in venues:
                self.problem(where, "venue", f"unknown venue {entry['venue']!r}")
            if not isinstance(entry["issue"], str) or entry["issue"] not in issues:
                self.problem(where, "issue", f"unknown issue {entry['issue']!r}")
            elif entry.get("aspect") is not None and (
                not isinstance(entry["aspect"], str) or entry["aspect"] not in issues[entry["issue"]]
            ):
                self.problem(where, "aspect", f"issue {entry['issue']!r} has no aspect {entry['aspect']!r}")
            self.choice(where, entry, "extent", list(Mandate.Extent.values))
            self.link(where, entry, "source", max_len=500)
            self.text(where, entry, "note", max_len=5000)
            key = (repr(entry["venue"]), repr(entry["issue"]), repr(entry.get("aspect")))
            seen_mandates[key] += 1
            if seen_mandates[key] == 2:
                self.problem(where, "venue", "duplicate mandate for this venue, issue and aspect")


def map_check(document: Any, *, name: str) -> None:
    """Raise ImportRejected listing every problem in the document; return None if it is sound."""
    checker = _Checker(name, document)
    checker.run()
    if checker.problems:
        errors: dict[str, list[str]] = {}
        for key, text in checker.problems:
            errors.setdefault(key, []).append(text)
        lines = [f"{key}: {text}" for key, text in checker.problems]
        shown = "\n".join(lines[:50])
        more = f"\n... and {len(lines) - 50} more" if len(lines) > 50 else ""
        raise ImportRejected(
            f"{name}: {len(lines)} problem(s); nothing was imported.\n{shown}{more}", errors=errors
        )


def _upsert(model: Any, lookup: dict[str, Any], values: dict[str, Any], result: ImportResult,
            kind: str) -> Any:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        result.created[kind] += 1
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save()
        result.updated[kind] += 1
    return obj


@transaction.atomic
def map_import_document(document: Any, *, name: str, actor: Any) -> ImportResult:
    """Check then write a parsed map document; all or nothing."""
    map_check(document, name=name)
    document = document or {}
    result = ImportResult()

    for order, entry in enumerate(document.get("baskets") or []):
        _upsert(Basket, {"slug": entry["slug"]}, {
            "name": entry["name"], "summary": entry.get("summary") or "",
            "source": entry.get("source") or "",
            "order": order if entry.get("order") is None else entry["order"],
        }, result, "basket")

    order = 0
    for entry in document.get("action_lines") or []:
        parent = None
        for line in [entry, *(entry.get("sub_lines") or [])]:
            order += 1
            obj = _upsert(ActionLine, {"code": line["code"]}, {
                "title": line["title"], "parent": parent,
                "lead_facilitator": line.get("lead_facilitator") or "",
                "co_facilitators": ", ".join(line.get("co_facilitators") or []),
                "source": line.get("source") or "", "order": order,
            }, result, "action_line")
            parent = parent or obj

    baskets = {b.slug: b for b in Basket.objects.all()}
    lines = {a.code: a for a in ActionLine.objects.all()}
    for entry in document.get("issues") or []:
        issue = _upsert(Issue, {"slug": entry["slug"]}, {
            "title": entry["title"], "basket": baskets[entry["basket"]],
            "summary": entry.get("summary") or "", "expertise": entry.get("expertise") or "",
            "status": entry.get("status") or Issue.Status.OPEN, "priority": entry.get("priority"),
            "source": entry.get("source") or "",
        }, result, "issue")
        wanted = {lines[c].pk for c in entry.get("action_lines") or []}
        if set(issue.action_lines.values_list("pk", flat=True)) != wanted:
            issue.action_lines.set(wanted)
        for position, aspect in enumerate(entry.get("aspects") or []):
            _upsert(Aspect, {"issue": issue, "slug": aspect["slug"]}, {
                "title": aspect["title"], "description": aspect.get("description") or "",
                "needs_global_policy": aspect.get("global", True), "order": position,
            }, result, "aspect")

    groups = {g.slug: g for g in StakeholderGroup.objects.all()}
    regions = {f"{r.scheme.slug}:{r.slug}": r for r in Region.objects.select_related("scheme")}
    venue_entries = document.get("venues") or []
    for entry in venue_entries:
        venue = _upsert(Venue, {"slug": entry["slug"]}, {
            "name": entry["name"], "acronym": entry.get("acronym") or "", "kind": entry["kind"],
            "reach": entry["reach"], "description": entry.get("description") or "",
            "outputs": entry.get("outputs") or Venue.Outputs.NOT_BINDING,
            "can_decide": entry.get("can_decide", False),
            "can_recommend": entry.get("can_recommend", True),
            "url": entry.get("url") or "", "source": entry.get("source") or "",
        }, result, "venue")
        wanted_regions = {regions[r].pk for r in entry.get("regions") or []}
        if set(venue.regions.values_list("pk", flat=True)) != wanted_regions:
            venue.regions.set(wanted_regions)
        wanted_lines = {lines[c].pk for c in entry.get("action_lines") or []}
        if set(venue.action_lines.values_list("pk", flat=True)) != wanted_lines:
            venue.action_lines.set(wanted_lines)
        wanted_modes = entry.get("participation") or {}
        for group_slug, mode in wanted_modes.items():
            _upsert(Participation, {"venue": venue, "group": groups[group_slug]}, {"mode": mode},
                    result, "participation")
        # A group the file does not list takes no part: drop rows the file no longer names.
        stale = venue.participation.exclude(group__slug__in=list(wanted_modes))
        if stale.exists():
            result.updated["participation"] += stale.count()
            stale.delete()
    venues = {v.slug: v for v in Venue.objects.all()}
    for entry in venue_entries:
        parent = venues.get(entry["parent"]) if entry.get("parent") else None
        venue = venues[entry["slug"]]
        if venue.parent_id != (parent.pk if parent else None):
            venue.parent = parent
            venue.save(update_fields=["parent"])

    issues = {i.slug: i for i in Issue.objects.all()}
    aspects = {(a.issue_id, a.slug): a for a in Aspect.objects.all()}
    for entry in document.get("mandates") or []:
        issue = issues[entry["issue"]]
        aspect = aspects[(issue.pk, entry["aspect"])] if entry.get("aspect") else None
        _upsert(Mandate, {"venue": venues[entry["venue"]], "issue": issue, "aspect": aspect}, {
            "extent": entry.get("extent") or Mandate.Extent.FULL,
            "source": entry.get("source") or "", "note": entry.get("note") or "",
        }, result, "mandate")

    if sum(result.created.values()) or sum(result.updated.values()):
        event_record(
            kind="map.imported", actor=actor, object_type="issuemap.map", object_id=name,
            summary=f"Imported {name}: {result.summary()}",
            payload={"file": name, "created": dict(result.created),
                     "updated": dict(result.updated)},
        )
    return result


def map_import(*, path: Path, actor: Any) -> ImportResult:
    """Import a YAML or JSON map file, all or nothing."""
    return map_import_document(parse_map_file(path), name=path.name, actor=actor)
