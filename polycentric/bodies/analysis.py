"""How the bodies app uses the principles engine: reading body files within size limits, and
computing scorecards within a time limit.

Every body, whether saved or only analysed on request ("what if", ``POST /api/analysis``), goes
through here, so the limits hold everywhere:

- a body file of at most `MAX_DOCUMENT_BYTES`, with at most `MAX_SEAT_ENTRIES` seat entries and
  `MAX_SEATS` seats in all (`BodyTooLarge`, HTTP 413, for the bytes; `ValidationFailed` on
  ``seats`` for the counts);
- an analysis that finishes within `analysis_timeout()` seconds (`AnalysisTooSlow`). Small bodies
  (at most `inline_seats()` seats, every reference body) are analysed in the request's process;
  larger ones in a child process that is stopped at the time limit, because the power engine may
  need minutes for a large body under a compound rule. The result is the same either way: the
  engine is deterministic (its Monte Carlo estimates are seeded).

These errors extend the core family (polycentric.core.errors)::

    ValidationFailed
    +-- BodyTooLarge        the file is over the size limit (HTTP 413)
    +-- AnalysisTooSlow     the analysis did not finish in time (HTTP 422)

The engine's problems (`BodyFileError`) become `ValidationFailed` whose errors are keyed by the
field path (``seats[2].count``; ``document`` for the file as a whole), each message starting with
its line when the body came from text.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping
from typing import Any

import yaml

from polycentric.core.errors import ValidationFailed
from polycentric.engines.power import AllSeats, Consensus, Threshold
from polycentric.engines.principles import (
    BodyFileError,
    BodySpec,
    analyze,
    parse_body_data,
    parse_body_document,
    scorecard_document,
)

MAX_DOCUMENT_BYTES = 256 * 1024
MAX_SEAT_ENTRIES = 5_000
MAX_SEATS = 100_000
MAX_WEIGHT = 1_000_000
"""The most votes one seat may carry."""
SEAT_NAME_LENGTH = 80
GROUP_LENGTH = 64
"""The longest stakeholder group or region name a seat entry may have."""
BODY_NAME_LENGTH = 200
INLINE_SEATS = 200
"""Bodies with at most this many seats are analysed without a child process."""
ANALYSIS_TIMEOUT = 30.0
"""Seconds an analysis may take before it is stopped."""

WHOLE_FILE = "document"
"""The error key for problems with the body file as a whole."""


class BodyTooLarge(ValidationFailed):
    status = 413


class AnalysisTooSlow(ValidationFailed):
    pass


def inline_seats() -> int:
    from django.conf import settings

    return int(getattr(settings, "BODIES_ANALYSIS_INLINE_SEATS", INLINE_SEATS))


def analysis_timeout() -> float:
    from django.conf import settings

    return float(getattr(settings, "BODIES_ANALYSIS_TIMEOUT", ANALYSIS_TIMEOUT))


# ---- reading ------------------------------------------------------------------------------------


def document_size_check(size: int, *, field: str = WHOLE_FILE) -> None:
    """Refuse a body file of more than `MAX_DOCUMENT_BYTES` bytes."""
    if size > MAX_DOCUMENT_BYTES:
        message = (
            f"The body file is {size:,} bytes; at most {MAX_DOCUMENT_BYTES:,} bytes "
            f"({MAX_DOCUMENT_BYTES // 1024} KB) are accepted."
        )
        raise BodyTooLarge(message, errors={field: [message]})


def body_file_read(text: str, *, name: str) -> BodySpec:
    """Parse the text of a body file named ``name``; every problem becomes a field error."""
    document_size_check(len(text.encode("utf-8")))
    try:
        spec = parse_body_document(text, name=name)
    except BodyFileError as exc:
        raise body_file_failure(exc) from None
    _count_check(spec)
    return spec


def body_data_read(document: object, *, name: str = "body") -> BodySpec:
    """Parse a body document already loaded (from JSON, or built from rows): no line numbers."""
    try:
        spec = parse_body_data(document, name=name)
    except BodyFileError as exc:
        raise body_file_failure(exc) from None
    _count_check(spec)
    return spec


def body_file_failure(exc: BodyFileError) -> ValidationFailed:
    errors = {(path or WHOLE_FILE): messages for path, messages in exc.errors.items()}
    return ValidationFailed(f"Invalid body file: {exc}", errors=errors)


def _count_check(spec: BodySpec) -> None:
    """The limits the engine does not set: sizes, and lengths that fit the database."""
    errors: dict[str, list[str]] = {}
    if len(spec.seats) > MAX_SEAT_ENTRIES:
        errors.setdefault("seats", []).append(
            f"{len(spec.seats):,} seat entries; at most {MAX_SEAT_ENTRIES:,} are accepted."
        )
    if spec.total_seats > MAX_SEATS:
        errors.setdefault("seats", []).append(
            f"{spec.total_seats:,} seats in all; at most {MAX_SEATS:,} are accepted."
        )
    if len(spec.name) > BODY_NAME_LENGTH:
        errors["name"] = [f"{len(spec.name)} characters; at most {BODY_NAME_LENGTH}."]
    for kind, names in (("groups", spec.groups), ("regions", spec.regions)):
        for index, name in enumerate(names):
            if len(name) > GROUP_LENGTH:
                errors[f"{kind}[{index}]"] = [
                    f"{len(name)} characters; at most {GROUP_LENGTH}."]
    for index, seat in enumerate(spec.seats[:MAX_SEAT_ENTRIES]):
        for field, value, limit in (("name", seat.name, SEAT_NAME_LENGTH),
                                    ("group", seat.group, GROUP_LENGTH),
                                    ("region", seat.region or "", GROUP_LENGTH)):
            if len(value) > limit:
                errors[f"seats[{index}].{field}"] = [
                    f"{len(value)} characters; at most {limit}."]
        if seat.weight > MAX_WEIGHT:
            errors[f"seats[{index}].weight"] = [
                f"{seat.weight:,} votes per seat; at most {MAX_WEIGHT:,}."]
    if errors:
        summary = "; ".join(f"{field}: {' '.join(m)}" for field, m in errors.items())
        raise ValidationFailed(f"Invalid body file: {summary}", errors=errors)


def body_document_text(document: Mapping[str, Any]) -> str:
    """A body document as the text of a body file (YAML, keys in the documented order)."""
    return yaml.safe_dump(dict(document), sort_keys=False, allow_unicode=True, width=100)


def yaml_value_read(text: str, *, field: str) -> Any:
    """One YAML (or JSON) value typed into a form field, such as a rule; a syntax error names
    the line within the field."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        message = f"{where}malformed YAML: {problem}"
        raise ValidationFailed(f"Invalid {field}: {message}", errors={field: [message]}) from None


# ---- analysing ----------------------------------------------------------------------------------


INLINE_ENTRIES = 12
"""Compound rules (concurrent majorities, each group, ...) over more seat entries than this may
need the Monte Carlo estimate, which can take minutes: they are analysed in a child process under
the time limit, so no request waits on them unbounded."""


def analysed_inline(spec: BodySpec) -> bool:
    """Small bodies under a single weighted threshold, or with few seat entries, are quick."""
    if spec.total_seats > inline_seats():
        return False
    rule = spec.rule
    weighted = isinstance(rule, Consensus) or (
        isinstance(rule, Threshold) and isinstance(rule.scope, AllSeats)
    )
    return weighted or len(spec.seats) <= INLINE_ENTRIES


def scorecard_compute(spec: BodySpec) -> dict[str, Any]:
    """The scorecard document of a body (what ``polycentric analyze --format json`` prints)."""
    if analysed_inline(spec):
        return scorecard_document(analyze(spec))
    return _in_child(spec, analysis_timeout())


def _analyse_in_child(spec: BodySpec, connection: Any) -> None:
    try:
        connection.send(("ok", scorecard_document(analyze(spec))))
    except Exception as exc:  # report, don't hang the parent
        connection.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["polycentric.engines.principles"])
        return context
    return multiprocessing.get_context("spawn")


def _in_child(spec: BodySpec, timeout: float) -> dict[str, Any]:
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_analyse_in_child, args=(spec, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            message = (
                f"The analysis of this body ({spec.total_seats:,} seats in {len(spec.seats):,} "
                f"entries) did not finish within {timeout:g} seconds. Run `polycentric analyze` "
                "on its file, or use fewer seat entries or a simpler rule."
            )
            raise AnalysisTooSlow(message, errors={"seats": [message]})
        try:
            status, value = receiver.recv()
        except EOFError:
            status, value = "error", "the analysis stopped without a result"
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if status != "ok":
        raise ValidationFailed(f"The body could not be analysed: {value}",
                               errors={WHOLE_FILE: [str(value)]})
    return dict(value)
