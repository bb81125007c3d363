"""P2 Inclusive, transparent, accountable: was every stage and meeting of a process announced in
time, with its background, and were its minutes published in time?

Each stage or meeting is a `ProcessItem`. It must be announced at least the notice period before
it starts (DESIGN.md defaults: 30 days for consultations and decision meetings, 14 for other
meetings; a stage takes the period of its kind, see `stage_notice`), its announcement must carry
the background (aim and purpose, modalities, significance), and a meeting's minutes must be
published within the minutes period after it ends (default 14 days). `check_transparency`
returns a result shaped like the other principles (key, title, passed, summary, violations,
details) with every finding in plain words.

Days are counted between calendar dates, as a participant reads them: announced on 2 February and
opening on 3 March is 29 days. Give the times in the time zone whose dates count (the site's).

>>> from datetime import datetime, timezone
>>> def at(month, day):
...     return datetime(2025, month, day, 9, tzinfo=timezone.utc)
>>> stage = ProcessItem(
...     ref="stage-1", what="stage", kind="consultation", title="Public comment on the draft",
...     notice=Notice.CONSULTATION, starts=at(3, 3), announced_at=at(2, 2),
...     aim_and_purpose=True, modalities=True, significance=True)
>>> result = check_transparency([stage], now=at(4, 1))
>>> result.passed
False
>>> print(result.violations[0].reason)
The consultation stage 'Public comment on the draft' opened on 3 March 2025, 29 days after it was announced; the charter requires 30.
>>> [finding.code.value for finding in result.violations]
['announced_late']
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from polycentric.engines.principles.words import join_words, label, plural

TRANSPARENCY_TITLE = "P2 Inclusive, transparent, accountable"

DEFAULT_CONSULTATION_NOTICE_DAYS = 30
DEFAULT_DECISION_MEETING_NOTICE_DAYS = 30
DEFAULT_MEETING_NOTICE_DAYS = 14
DEFAULT_MINUTES_DAYS = 14

BACKGROUND_FIELDS = (
    ("aim_and_purpose", "aim and purpose"),
    ("modalities", "modalities"),
    ("significance", "significance"),
)
"""What an announcement must carry (field name, words), in the order they are named."""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


class TransparencyKey(enum.StrEnum):
    """The key of P2 among a scorecard's principles."""

    TRANSPARENCY = "transparency"


class Notice(enum.StrEnum):
    """Which notice period an item needs."""

    CONSULTATION = "consultation"
    DECISION_MEETING = "decision_meeting"
    OTHER_MEETING = "other_meeting"


class FindingCode(enum.StrEnum):
    """What a finding is about."""

    ANNOUNCED_LATE = "announced_late"
    NOT_ANNOUNCED = "not_announced"
    NO_BACKGROUND = "no_background"
    MINUTES_OVERDUE = "minutes_overdue"
    MINUTES_LATE = "minutes_late"


def stage_notice(kind: str) -> Notice:
    """The notice a stage of ``kind`` needs: a consultation the consultation period, a decision
    the decision meeting period, any other stage the period of other meetings.

    >>> [stage_notice(kind).value for kind in ("consultation", "decision", "drafting")]
    ['consultation', 'decision_meeting', 'other_meeting']
    """
    if kind == "consultation":
        return Notice.CONSULTATION
    if kind == "decision":
        return Notice.DECISION_MEETING
    return Notice.OTHER_MEETING


@dataclass(frozen=True, slots=True)
class NoticePeriods:
    """A charter's periods in days (DESIGN.md, P2)."""

    consultation: int = DEFAULT_CONSULTATION_NOTICE_DAYS
    decision_meeting: int = DEFAULT_DECISION_MEETING_NOTICE_DAYS
    other_meeting: int = DEFAULT_MEETING_NOTICE_DAYS
    minutes: int = DEFAULT_MINUTES_DAYS

    def __post_init__(self) -> None:
        for field in ("consultation", "decision_meeting", "other_meeting", "minutes"):
            value = getattr(self, field)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{field}: must be a whole number of days, at least 0, "
                                 f"got {value!r}")

    def days(self, notice: Notice) -> int:
        """The days of notice ``notice`` needs.

        >>> NoticePeriods().days(Notice.OTHER_MEETING)
        14
        """
        return {
            Notice.CONSULTATION: self.consultation,
            Notice.DECISION_MEETING: self.decision_meeting,
            Notice.OTHER_MEETING: self.other_meeting,
        }[notice]


@dataclass(frozen=True, slots=True)
class ProcessItem:
    """A stage or a meeting of a process, as P2 reads it.

    ``ref`` names it in the findings (for example "stage-12"); ``kind`` is the stage's kind
    (consultation, drafting, ...) or the meeting's (decision, other); ``starts`` is when it opens
    or begins and ``ends`` when it ends (a meeting's minutes are due from its end). The three
    background flags say whether the announcement carried each part. ``minutes_expected`` is true
    for meetings, whose minutes must be published.
    """

    ref: str
    what: Literal["stage", "meeting"]
    kind: str
    title: str
    notice: Notice
    starts: datetime.datetime
    ends: datetime.datetime | None = None
    announced_at: datetime.datetime | None = None
    aim_and_purpose: bool = False
    modalities: bool = False
    significance: bool = False
    minutes_expected: bool = False
    minutes_published_at: datetime.datetime | None = None

    @property
    def missing_background(self) -> tuple[str, ...]:
        """The parts of the background the announcement lacks, in words."""
        return tuple(words for field, words in BACKGROUND_FIELDS if not getattr(self, field))

    @property
    def words(self) -> str:
        """How the findings name it: "the consultation stage 'Public comment'"."""
        if self.what == "stage":
            noun = f"{label(self.kind)} stage"
        elif self.kind == "decision":
            noun = "decision meeting"
        else:
            noun = "meeting"
        return f"the {noun} '{self.title}'"


@dataclass(frozen=True, slots=True)
class Finding:
    """One way an item falls short of P2, with its reason in words.

    ``days`` is how many days short the notice was (``announced_late``), how many days the
    minutes are overdue (``minutes_overdue``) or were late (``minutes_late``); ``required_days``
    is the period it was held to; ``missing`` names the missing parts of the background."""

    code: FindingCode
    ref: str
    reason: str
    days: int | None = None
    required_days: int | None = None
    missing: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The item the finding is about (as a principle's violation names its group)."""
        return self.ref


@dataclass(frozen=True, slots=True)
class ItemReport:
    """An item with its findings, the last day it could be announced with enough notice, and
    (for a meeting) the last day for its minutes."""

    item: ProcessItem
    notice_days: int
    announce_by: datetime.date
    minutes_due: datetime.date | None
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return not self.findings


@dataclass(frozen=True, slots=True)
class TransparencyDetails:
    """P2: the periods applied and every item's report, in the order given."""

    periods: NoticePeriods
    items: tuple[ItemReport, ...]


@dataclass(frozen=True, slots=True)
class TransparencyResult:
    """P2 with the fields of every principle's result (`PrincipleResult`): key, title, whether it
    passed, a summary sentence, the findings as violations, and details."""

    key: TransparencyKey
    title: str
    passed: bool
    summary: str
    violations: tuple[Finding, ...]
    details: TransparencyDetails

    def report(self, ref: str) -> ItemReport:
        """The report on the item named ``ref``."""
        for report in self.details.items:
            if report.item.ref == ref:
                return report
        raise KeyError(ref)


def check_transparency(
    items: Iterable[ProcessItem],
    periods: NoticePeriods | None = None,
    *,
    now: datetime.datetime,
) -> TransparencyResult:
    """P2 for the stages and meetings of a process, as things stand at ``now``.

    An item not yet announced is a finding only once it can no longer be announced in time
    (``now`` is past its ``announce_by`` day); a meeting's missing minutes only once the minutes
    period after its end has passed.
    """
    periods = periods or NoticePeriods()
    reports = tuple(_report(item, periods, now) for item in items)
    findings = tuple(finding for report in reports for finding in report.findings)
    return TransparencyResult(
        key=TransparencyKey.TRANSPARENCY,
        title=TRANSPARENCY_TITLE,
        passed=not findings,
        summary=_summary(reports, findings),
        violations=findings,
        details=TransparencyDetails(periods=periods, items=reports),
    )


def transparency_document(result: TransparencyResult) -> dict[str, object]:
    """The result as plain data for JSON, in the shape of a scorecard's principle."""
    periods = result.details.periods
    return {
        "key": result.key.value,
        "title": result.title,
        "passed": result.passed,
        "summary": result.summary,
        "periods": {
            "consultation": periods.consultation,
            "decision_meeting": periods.decision_meeting,
            "other_meeting": periods.other_meeting,
            "minutes": periods.minutes,
        },
        "violations": [_finding_document(finding) for finding in result.violations],
        "items": [
            {
                "ref": report.item.ref,
                "what": report.item.what,
                "kind": report.item.kind,
                "title": report.item.title,
                "notice": report.item.notice.value,
                "notice_days": report.notice_days,
                "announce_by": report.announce_by.isoformat(),
                "minutes_due": report.minutes_due.isoformat() if report.minutes_due else None,
                "passed": report.passed,
                "findings": [_finding_document(finding) for finding in report.findings],
            }
            for report in result.details.items
        ],
    }


def date_words(day: datetime.date) -> str:
    """A date as words, day first: "3 March 2025".

    >>> date_words(datetime.date(2025, 3, 3))
    '3 March 2025'
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# ---- the checks ---------------------------------------------------------------------------------


def _report(item: ProcessItem, periods: NoticePeriods, now: datetime.datetime) -> ItemReport:
    required = periods.days(item.notice)
    start_day = item.starts.date()
    today = now.date()
    announce_by = start_day - datetime.timedelta(days=required)
    findings: list[Finding] = []
    if item.announced_at is None:
        if today > announce_by:
            findings.append(_not_announced(item, required, announce_by, now))
    else:
        given = (start_day - item.announced_at.date()).days
        if given < required:
            findings.append(_announced_late(item, given, required, now))
        missing = item.missing_background
        if missing:
            findings.append(Finding(
                FindingCode.NO_BACKGROUND, item.ref,
                f"{_capital(_announcement_of(item))} lacks its background: "
                f"{join_words(list(missing))}.",
                missing=missing,
            ))
    minutes_due = None
    if item.minutes_expected:
        ended = (item.ends or item.starts).date()
        minutes_due = ended + datetime.timedelta(days=periods.minutes)
        finding = _minutes(item, ended, minutes_due, periods.minutes, today)
        if finding is not None:
            findings.append(finding)
    return ItemReport(item, required, announce_by, minutes_due, tuple(findings))


def _started(item: ProcessItem, now: datetime.datetime) -> bool:
    return item.starts <= now


def _start_words(item: ProcessItem, now: datetime.datetime) -> str:
    """ "opened on 3 March 2025" / "opens on ..." for stages; "took place" for meetings."""
    past = _started(item, now)
    if item.what == "stage":
        verb = "opened" if past else "opens"
    else:
        verb = "took place" if past else "takes place"
    return f"{verb} on {date_words(item.starts.date())}"


def _announcement_of(item: ProcessItem) -> str:
    return f"the announcement of {item.words}"


def _announced_late(item: ProcessItem, given: int, required: int,
                    now: datetime.datetime) -> Finding:
    announced = item.announced_at
    assert announced is not None
    if given >= 0:
        after = "on the day" if given == 0 else f"{plural(given, 'day')} after"
        reason = (f"{_capital(item.words)} {_start_words(item, now)}, {after} it was announced; "
                  f"the charter requires {required}.")
    else:
        verb = "opened" if item.what == "stage" else "took place"
        reason = (f"{_capital(item.words)} was announced on {date_words(announced.date())}, "
                  f"{plural(-given, 'day')} after it {verb} on {date_words(item.starts.date())}; "
                  f"the charter requires {plural(required, 'day')}' notice.")
    return Finding(FindingCode.ANNOUNCED_LATE, item.ref, reason, days=required - given,
                   required_days=required)


def _not_announced(item: ProcessItem, required: int, announce_by: datetime.date,
                   now: datetime.datetime) -> Finding:
    if _started(item, now):
        reason = (f"{_capital(item.words)} {_start_words(item, now)} without being announced; "
                  f"the charter requires {plural(required, 'day')}' notice.")
    else:
        reason = (f"{_capital(item.words)} {_start_words(item, now)} and has not been "
                  f"announced; with the {plural(required, 'day')}' notice the charter requires, "
                  f"it should have been announced by {date_words(announce_by)}.")
    return Finding(FindingCode.NOT_ANNOUNCED, item.ref, reason, required_days=required)


def _minutes(item: ProcessItem, ended: datetime.date, due: datetime.date, period: int,
             today: datetime.date) -> Finding | None:
    published = item.minutes_published_at
    if published is None:
        if today <= due:
            return None
        overdue = (today - due).days
        reason = (f"{_capital(item.words)} ended on {date_words(ended)} and its minutes are not "
                  f"published; they were due by {date_words(due)} and are "
                  f"{plural(overdue, 'day')} overdue.")
        return Finding(FindingCode.MINUTES_OVERDUE, item.ref, reason, days=overdue,
                       required_days=period)
    if published.date() <= due:
        return None
    taken = (published.date() - ended).days
    reason = (f"The minutes of {item.words} were published on {date_words(published.date())}, "
              f"{plural(taken, 'day')} after it ended; the charter allows {period}.")
    return Finding(FindingCode.MINUTES_LATE, item.ref, reason, days=taken - period,
                   required_days=period)


# ---- words --------------------------------------------------------------------------------------

SUMMARY_WORDS = {
    FindingCode.ANNOUNCED_LATE: "announced late",
    FindingCode.NOT_ANNOUNCED: "not announced in time",
    FindingCode.NO_BACKGROUND: "announced without its full background",
    FindingCode.MINUTES_OVERDUE: "with minutes overdue",
    FindingCode.MINUTES_LATE: "with minutes published late",
}


def _summary(reports: tuple[ItemReport, ...], findings: tuple[Finding, ...]) -> str:
    if not reports:
        return "The process has no stages or meetings yet, so there is nothing to check."
    total = plural(len(reports), "stage or meeting", "stages and meetings")
    if not findings:
        return (f"All {total} were announced in time with their background, and no minutes are "
                "overdue." if len(reports) > 1 else
                "The one stage or meeting was announced in time with its background, and no "
                "minutes are overdue.")
    failing = sum(1 for report in reports if not report.passed)
    counts = {code: 0 for code in FindingCode}
    for finding in findings:
        counts[finding.code] += 1
    parts = [f"{count} {SUMMARY_WORDS[code]}" for code, count in counts.items() if count]
    verb = "falls" if failing == 1 else "fall"
    return f"{failing} of {total} {verb} short: {join_words(parts)}."


def _finding_document(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code.value,
        "ref": finding.ref,
        "reason": finding.reason,
        "days": finding.days,
        "required_days": finding.required_days,
        "missing": list(finding.missing),
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
