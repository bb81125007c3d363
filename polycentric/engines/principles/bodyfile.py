"""Read a body file (YAML, or JSON, which YAML reads too) into a checked `BodySpec`.

The format is DESIGN.md's (documented in docs/body-format.md)::

    name: Brazilian Internet Steering Committee (CGI.br)
    groups: [government, private_sector, civil_society, science_technology, expert]
    regions: [GRULAC]                         # optional
    seats:                                    # name unique; count default 1; weight default 1
      - {name: government, group: government, region: GRULAC, count: 9}
      - {name: business,   group: private_sector, region: GRULAC, count: 4}
    rule: {majority: simple}
    fallback_rule: {each: group, majority: simple}                       # optional
    purpose: Coordinates internet governance initiatives in Brazil.     # optional
    thresholds: {min_group_seats: 1, min_region_seats: 1, max_region_share: 1/2}   # optional

Every problem found is reported at once, each with its line, field path and what is wrong
(`BodyFileError`); a rule is checked by the power engine once its seats are valid.

>>> spec = parse_body_document('''
... name: Two groups
... groups: [government, civil_society]
... seats:
...   - {name: states, group: government, count: 3}
...   - {name: ngos, group: civil_society, count: 0}
... rule: {majority: simple}
... ''', name="two.yaml")
Traceback (most recent call last):
...
polycentric.engines.principles.errors.BodyFileError: two.yaml: line 6: seats[1].count: must be at least 1, got 0
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from fractions import Fraction

import yaml

from polycentric.engines.power import PowerError, Rule, Seat, parse_rule
from polycentric.engines.principles.errors import BodyFileError, Problem
from polycentric.engines.principles.spec import BodySpec, Thresholds

TOP_KEYS = (
    "name",
    "purpose",
    "groups",
    "regions",
    "seats",
    "rule",
    "fallback_rule",
    "thresholds",
)
REQUIRED_KEYS = ("name", "groups", "seats", "rule")
SEAT_KEYS = ("name", "group", "region", "count", "weight")
THRESHOLD_KEYS = ("min_group_seats", "min_region_seats", "max_region_share")
RULE_KEYS = ("consensus", "quota", "majority", "within", "each", "all", "any")
WITHIN_KEYS = ("group", "region", "seat")
MAX_RULE_DEPTH = 32
"""Rules nested deeper than this are refused (it also stops rules that contain themselves)."""

_MERGE_TAG = "tag:yaml.org,2002:merge"


def parse_body_document(text: str, *, name: str) -> BodySpec:
    """Parse the text of a body file named ``name`` (used in messages).

    Raises `BodyFileError` listing every problem with its line and field: malformed YAML, a
    duplicate or unknown key (inside rules too), a missing required field, a count below 1, a
    weight below 0, a duplicate seat name, a quota above the total weight or below 1, a scope
    naming a group, region or seat that has no seats, an unknown majority kind, ...
    """
    document, lines, problems = _load(text, name)
    return _BodyReader(name, lines, problems).read(document)


def parse_body_data(document: object, *, name: str = "body") -> BodySpec:
    """Like `parse_body_document`, for a document already loaded (e.g. from JSON by an API): the
    problems name no lines."""
    return _BodyReader(name, {}, []).read(document)


# ---- YAML with line numbers ---------------------------------------------------------------------


def _load(text: str, name: str) -> tuple[object, dict[str, int], list[Problem]]:
    """The document, the line of every field path, and the duplicate keys found."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise BodyFileError(
                name,
                [
                    Problem(
                        1, "", "the file is empty; a body file needs name, groups, seats and rule"
                    )
                ],
            )
        lines: dict[str, int] = {"": node.start_mark.line + 1}
        problems: list[Problem] = []
        _walk(node, "", lines, problems, set())
        document = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        words = [getattr(exc, "context", None), getattr(exc, "problem", None)]
        problem = ", ".join(str(w) for w in words if w) or str(exc)
        raise BodyFileError(name, [Problem(line, "", f"malformed YAML: {problem}")]) from None
    finally:
        loader.dispose()
    return document, lines, problems


def _walk(
    node: yaml.Node, path: str, lines: dict[str, int], problems: list[Problem], seen: set[int]
) -> None:
    """Record the line of every key and list item under ``node``; report duplicate keys."""
    if id(node) in seen:  # an alias: its lines are those of its first appearance
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            line = key_node.start_mark.line + 1
            if key in first:
                problems.append(
                    Problem(line, child, f"duplicate key; it is already given on line {first[key]}")
                )
                continue
            first[key] = line
            lines.setdefault(child, line)
            _walk(value_node, child, lines, problems, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            lines.setdefault(child, item.start_mark.line + 1)
            _walk(item, child, lines, problems, seen)


# ---- the body document --------------------------------------------------------------------------


class _BodyReader:
    def __init__(self, name: str, lines: dict[str, int], problems: list[Problem]) -> None:
        self.name = name
        self.lines = lines
        self.problems = list(problems)

    def read(self, document: object) -> BodySpec:
        if not isinstance(document, Mapping):
            self.problem("", "a body file must be a mapping with name, groups, seats and rule")
            raise self.error()
        self.keys(document, "", TOP_KEYS, REQUIRED_KEYS)
        name = self.text(document, "name", "", required=True)
        purpose = self.text(document, "purpose", "") or ""
        groups = self.names(document, "groups", required=True)
        regions = self.names(document, "regions", required=False)
        seats, seats_valid = self.seats(document)
        thresholds = self.thresholds(document.get("thresholds"))
        rule = self.rule(document, "rule", seats if seats_valid else None)
        fallback_rule = None
        if document.get("fallback_rule") is not None:
            fallback_rule = self.rule(document, "fallback_rule", seats if seats_valid else None)
        if self.problems:
            raise self.error()
        assert name is not None and rule is not None
        return BodySpec(
            name=name,
            seats=tuple(seats),
            rule=rule,
            groups=groups,
            regions=regions,
            fallback_rule=fallback_rule,
            purpose=purpose,
            thresholds=thresholds,
        )

    # -- reporting --

    def line_of(self, path: str) -> int | None:
        """The line of ``path``, else of the nearest enclosing field that has one."""
        if not self.lines:
            return None
        while path not in self.lines:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines[path]

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.line_of(path), path, message))

    def error(self) -> BodyFileError:
        ordered = sorted(self.problems, key=lambda p: p.line if p.line is not None else 0)
        return BodyFileError(self.name, ordered)

    # -- fields --

    def keys(
        self,
        mapping: Mapping[object, object],
        path: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> None:
        """Report unknown keys (with a suggestion) and missing required ones."""
        for key in mapping:
            if key not in allowed:
                child = f"{path}.{key}" if path else str(key)
                self.problem(child, _unknown_key(key, allowed))
        for key in required:
            if key not in mapping:
                child = f"{path}.{key}" if path else key
                self.problem(child, "missing; this field is required")

    def text(
        self, mapping: Mapping[object, object], key: str, path: str, *, required: bool = False
    ) -> str | None:
        where = f"{path}.{key}" if path else key
        value = mapping.get(key)
        if value is None:
            if required and key in mapping:
                self.problem(where, "must not be empty")
            return None
        if not isinstance(value, str):
            self.problem(where, f"must be text, got {value!r} (quote it)")
            return None
        if not value.strip():
            self.problem(where, "must not be blank")
            return None
        return value

    def whole(
        self, mapping: Mapping[object, object], key: str, path: str, *, default: int, minimum: int
    ) -> int | None:
        where = f"{path}.{key}"
        if key not in mapping:
            return default
        value = mapping[key]
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(where, f"must be a whole number, got {value!r}")
            return None
        if value < minimum:
            self.problem(where, f"must be at least {minimum}, got {value}")
            return None
        return value

    def names(
        self, document: Mapping[object, object], key: str, *, required: bool
    ) -> tuple[str, ...]:
        """A list of distinct group or region names."""
        value = document.get(key)
        if value is None:
            if required and key in document:
                self.problem(key, "list at least one name, e.g. [government, civil_society]")
            return ()
        if not isinstance(value, list):
            self.problem(
                key, f"must be a list of names, e.g. [government, civil_society], got {value!r}"
            )
            return ()
        if required and not value:
            self.problem(key, "list at least one name, e.g. [government, civil_society]")
        names: dict[str, int] = {}
        for index, item in enumerate(value):
            where = f"{key}[{index}]"
            if not isinstance(item, str) or not item.strip():
                self.problem(where, f"must be a name, got {item!r}")
            elif item in names:
                self.problem(where, f"{item!r} is listed twice (also {key}[{names[item]}])")
            else:
                names[item] = index
        return tuple(names)

    def seats(self, document: Mapping[object, object]) -> tuple[list[Seat], bool]:
        """The seat entries, and whether all of them are valid (so a rule can be checked)."""
        value = document.get("seats")
        if value is None:
            if "seats" in document:
                self.problem("seats", "list at least one seat entry")
            return [], False
        if not isinstance(value, list):
            self.problem(
                "seats",
                "must be a list of seat entries such as {name: government, group: government}",
            )
            return [], False
        if not value:
            self.problem("seats", "list at least one seat entry")
            return [], False
        before = len(self.problems)
        seats: list[Seat] = []
        first: dict[str, int] = {}
        for index, entry in enumerate(value):
            where = f"seats[{index}]"
            if not isinstance(entry, Mapping):
                self.problem(
                    where,
                    "a seat entry must be a mapping such as {name: states, group: government, count: 9}",
                )
                continue
            self.keys(entry, where, SEAT_KEYS, ("name", "group"))
            name = self.text(entry, "name", where, required=True)
            group = self.text(entry, "group", where, required=True)
            region = self.text(entry, "region", where)
            count = self.whole(entry, "count", where, default=1, minimum=1)
            weight = self.whole(entry, "weight", where, default=1, minimum=0)
            if name is not None:
                if name in first:
                    self.problem(
                        f"{where}.name",
                        f"duplicate seat name {name!r}; seats[{first[name]}] has it already",
                    )
                else:
                    first[name] = index
            if name is not None and group is not None and count is not None and weight is not None:
                seats.append(Seat(name, group, region, count=count, weight=weight))
        return seats, len(self.problems) == before

    def thresholds(self, value: object) -> Thresholds | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.problem("thresholds", "must be a mapping such as {max_region_share: 1/2}")
            return None
        before = len(self.problems)
        self.keys(value, "thresholds", THRESHOLD_KEYS)
        defaults = Thresholds()
        min_group = self.whole(
            value, "min_group_seats", "thresholds", default=defaults.min_group_seats, minimum=1
        )
        min_region = self.whole(
            value, "min_region_seats", "thresholds", default=defaults.min_region_seats, minimum=1
        )
        share = self.share(value.get("max_region_share", defaults.max_region_share))
        if len(self.problems) > before or min_group is None or min_region is None or share is None:
            return None
        return Thresholds(min_group, min_region, share)

    def share(self, value: object) -> Fraction | None:
        where = "thresholds.max_region_share"
        expected = "must be a number above 0 and at most 1, such as 0.5 or 1/2"
        if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction):
            self.problem(where, f"{expected}, got {value!r}")
            return None
        try:
            share = Fraction(str(value).strip()) if not isinstance(value, Fraction) else value
        except (ValueError, ZeroDivisionError):
            self.problem(where, f"{expected}, got {value!r}")
            return None
        if not 0 < share <= 1:
            self.problem(where, f"{expected}, got {value!r}")
            return None
        return share

    def rule(
        self, document: Mapping[object, object], key: str, seats: list[Seat] | None
    ) -> Rule | None:
        """Report unknown keys anywhere in the rule; once the seats are valid, let the power
        engine check the rest (the first problem it finds)."""
        value = document.get(key)
        if value is None:
            if key in document:
                self.problem(key, "missing; give a rule such as {majority: simple}")
            return None
        before = len(self.problems)
        self.rule_keys(value, key, 0)
        if len(self.problems) > before or seats is None:
            return None
        try:
            return parse_rule(value, seats, path=key)
        except PowerError as exc:
            self.problem(exc.path, exc.problem)
            return None

    def rule_keys(self, rule: object, path: str, depth: int) -> None:
        if depth > MAX_RULE_DEPTH:
            self.problem(path, f"rules nest more than {MAX_RULE_DEPTH} deep")
            return
        if not isinstance(rule, Mapping):
            return  # the power engine names it
        for key, value in rule.items():
            child = f"{path}.{key}"
            if key not in RULE_KEYS:
                self.problem(child, _unknown_key(key, RULE_KEYS))
            elif key in ("all", "any") and isinstance(value, list):
                for index, part in enumerate(value):
                    self.rule_keys(part, f"{child}[{index}]", depth + 1)
            elif key == "within" and isinstance(value, Mapping):
                for scope in value:
                    if scope not in WITHIN_KEYS:
                        self.problem(f"{child}.{scope}", _unknown_key(scope, WITHIN_KEYS))


def _unknown_key(key: object, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    message = f"unknown key; expected {_either(allowed)}"
    close = difflib.get_close_matches(str(key), allowed, n=1)
    if close:
        message += f" (did you mean {close[0]}?)"
    return message


def _either(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} or {names[-1]}"
