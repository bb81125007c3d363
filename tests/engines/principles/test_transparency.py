"""P2 Inclusive, transparent, accountable: named notice cases with known findings, the words a
participant reads, and a property checked against a day-by-day oracle."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polycentric.engines.principles import (
    TRANSPARENCY_TITLE,
    FindingCode,
    Notice,
    NoticePeriods,
    ProcessItem,
    TransparencyKey,
    check_transparency,
    stage_notice,
    transparency_document,
)

UTC = datetime.UTC
NOW = datetime.datetime(2025, 6, 1, 12, tzinfo=UTC)


def at(month: int, day: int, hour: int = 9, year: int = 2025) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=UTC)


STAGE_STARTS, STAGE_ANNOUNCED = at(3, 3), at(2, 1)
MEETING_STARTS, MEETING_ANNOUNCED, MEETING_MINUTES = at(5, 10), at(4, 20), at(5, 12)


def stage(kind="consultation", *, starts=STAGE_STARTS, announced=STAGE_ANNOUNCED, background=True,
          title="Public comment on the draft", ref="stage-1") -> ProcessItem:
    return ProcessItem(
        ref=ref, what="stage", kind=kind, title=title, notice=stage_notice(kind),
        starts=starts, announced_at=announced, aim_and_purpose=background,
        modalities=background, significance=background,
    )


def meeting(kind="other", *, starts=MEETING_STARTS, ends=None, announced=MEETING_ANNOUNCED,
            minutes=MEETING_MINUTES, title="Second meeting", ref="meeting-1",
            **background) -> ProcessItem:
    parts = {"aim_and_purpose": True, "modalities": True, "significance": True, **background}
    return ProcessItem(
        ref=ref, what="meeting", kind=kind, title=title,
        notice=Notice.DECISION_MEETING if kind == "decision" else Notice.OTHER_MEETING,
        starts=starts, ends=ends or starts + datetime.timedelta(hours=3), announced_at=announced,
        minutes_expected=True, minutes_published_at=minutes, **parts,
    )


CASES = [
    # (name, item, expected finding codes)
    ("consultation with exactly 30 days", stage(starts=at(3, 3), announced=at(2, 1)), []),
    ("consultation one day late", stage(starts=at(3, 3), announced=at(2, 2)),
     [FindingCode.ANNOUNCED_LATE]),
    ("decision stage one day late", stage("decision", starts=at(4, 30), announced=at(4, 1)),
     [FindingCode.ANNOUNCED_LATE]),
    ("drafting stage needs only 14 days", stage("drafting", starts=at(4, 15), announced=at(4, 1)),
     []),
    ("drafting stage 13 days", stage("drafting", starts=at(4, 15), announced=at(4, 2)),
     [FindingCode.ANNOUNCED_LATE]),
    ("no background", stage(background=False), [FindingCode.NO_BACKGROUND]),
    ("late and no background", stage(announced=at(2, 20), background=False),
     [FindingCode.ANNOUNCED_LATE, FindingCode.NO_BACKGROUND]),
    ("past stage never announced", stage(announced=None), [FindingCode.NOT_ANNOUNCED]),
    ("future stage, still time to announce", stage(starts=at(8, 1), announced=None), []),
    ("future stage, too late to announce", stage(starts=at(6, 20), announced=None),
     [FindingCode.NOT_ANNOUNCED]),
    ("meeting all fine", meeting(), []),
    ("meeting minutes overdue", meeting(minutes=None), [FindingCode.MINUTES_OVERDUE]),
    ("meeting minutes not yet due", meeting(starts=at(5, 25), announced=at(5, 1), minutes=None),
     []),
    ("meeting minutes published late", meeting(minutes=at(5, 30)), [FindingCode.MINUTES_LATE]),
    ("decision meeting with 20 days", meeting("decision", announced=at(4, 20)),
     [FindingCode.ANNOUNCED_LATE]),
    ("meeting lacking modalities", meeting(modalities=False), [FindingCode.NO_BACKGROUND]),
]


@pytest.mark.parametrize(("name", "item", "codes"), CASES, ids=[case[0] for case in CASES])
def test_notice_cases(name, item, codes):
    result = check_transparency([item], now=NOW)

    assert [finding.code for finding in result.violations] == codes
    assert result.passed is (not codes)
    assert result.report(item.ref).passed is (not codes)


def test_one_day_late_in_words():
    result = check_transparency([stage(starts=at(3, 3), announced=at(2, 2))], now=NOW)

    (finding,) = result.violations
    assert finding.reason == (
        "The consultation stage 'Public comment on the draft' opened on 3 March 2025, 29 days "
        "after it was announced; the charter requires 30."
    )
    assert (finding.days, finding.required_days) == (1, 30)


def test_a_stage_still_to_come_is_in_the_present_tense():
    item = stage("decision", starts=at(6, 20), announced=at(6, 1, hour=8))

    (finding,) = check_transparency([item], now=NOW).violations

    assert finding.reason == ("The decision stage 'Public comment on the draft' opens on "
                              "20 June 2025, 19 days after it was announced; the charter "
                              "requires 30.")


def test_announced_after_it_opened():
    (finding,) = check_transparency([stage(announced=at(3, 5))], now=NOW).violations

    assert "was announced on 5 March 2025, 2 days after it opened on 3 March 2025" in finding.reason
    assert finding.days == 32


def test_no_background_names_what_is_missing():
    item = meeting(aim_and_purpose=False, significance=False)

    (finding,) = check_transparency([item], now=NOW).violations

    assert finding.missing == ("aim and purpose", "significance")
    assert finding.reason == ("The announcement of the meeting 'Second meeting' lacks its "
                              "background: aim and purpose and significance.")


def test_minutes_overdue_counts_the_days():
    item = meeting(starts=at(5, 10), minutes=None)

    (finding,) = check_transparency([item], now=NOW).violations

    # Ended 10 May, due 24 May (14 days), today 1 June: 8 days overdue.
    assert finding.days == 8
    assert "due by 24 May 2025 and are 8 days overdue" in finding.reason


def test_not_announced_says_by_when():
    item = stage("drafting", starts=at(6, 10), announced=None, title="First draft")

    (finding,) = check_transparency([item], now=NOW).violations

    assert finding.reason == (
        "The drafting stage 'First draft' opens on 10 June 2025 and has not been announced; with "
        "the 14 days' notice the charter requires, it should have been announced by 27 May 2025."
    )


def test_periods_come_from_the_charter():
    item = stage(starts=at(3, 3), announced=at(2, 2))
    lenient = NoticePeriods(consultation=21)

    assert check_transparency([item], lenient, now=NOW).passed
    assert not check_transparency([item], now=NOW).passed


def test_the_result_is_shaped_like_a_principle():
    result = check_transparency([stage(), meeting(minutes=None)], now=NOW)

    assert result.key == TransparencyKey.TRANSPARENCY and result.key.value == "transparency"
    assert result.title == TRANSPARENCY_TITLE == "P2 Inclusive, transparent, accountable"
    assert result.summary == "1 of 2 stages and meetings falls short: 1 with minutes overdue."
    assert [report.item.ref for report in result.details.items] == ["stage-1", "meeting-1"]


@pytest.mark.parametrize(("items", "summary"), [
    ([], "The process has no stages or meetings yet, so there is nothing to check."),
    ([stage()], "The one stage or meeting was announced in time with its background, and no "
                "minutes are overdue."),
    ([stage(), meeting()], "All 2 stages and meetings were announced in time with their "
                           "background, and no minutes are overdue."),
])
def test_summary_when_all_is_well(items, summary):
    result = check_transparency(items, now=NOW)

    assert result.passed
    assert result.summary == summary


def test_document_is_plain_data():
    document = transparency_document(check_transparency([stage(announced=None)], now=NOW))

    assert document["key"] == "transparency" and document["passed"] is False
    assert document["periods"] == {"consultation": 30, "decision_meeting": 30,
                                   "other_meeting": 14, "minutes": 14}
    (item,) = document["items"]
    assert item["announce_by"] == "2025-02-01"
    assert item["findings"][0]["code"] == "not_announced"


@pytest.mark.parametrize("bad", [-1, True, 1.5])
def test_periods_refuse_nonsense(bad):
    with pytest.raises(ValueError, match="minutes"):
        NoticePeriods(minutes=bad)


def _oracle_late(announced: datetime.date, starts: datetime.date, required: int) -> bool:
    """Walk day by day from the announcement: late unless `required` whole days fit before the
    start."""
    day, counted = announced, 0
    while day < starts:
        day += datetime.timedelta(days=1)
        counted += 1
    return announced > starts or counted < required


@given(
    announced_offset=st.integers(min_value=-5, max_value=80),
    hour_announced=st.integers(min_value=0, max_value=23),
    hour_starts=st.integers(min_value=0, max_value=23),
    required=st.integers(min_value=0, max_value=60),
)
def test_late_exactly_when_the_days_fall_short(announced_offset, hour_announced, hour_starts,
                                               required):
    starts = datetime.datetime(2025, 3, 3, hour_starts, tzinfo=UTC)
    announced = (datetime.datetime(2025, 3, 3, hour_announced, tzinfo=UTC)
                 - datetime.timedelta(days=announced_offset))
    item = stage(starts=starts, announced=announced)
    periods = NoticePeriods(consultation=required)

    result = check_transparency([item], periods, now=NOW)

    late = [f for f in result.violations if f.code == FindingCode.ANNOUNCED_LATE]
    assert bool(late) == _oracle_late(announced.date(), starts.date(), required)
