"""Coordination writes, split by topic and re-exported here."""

from .meetings import (
    attendance_record,
    meeting_announce,
    meeting_create,
    meeting_update,
    minutes_publish,
)
from .processes import (
    earliest_opening,
    process_create,
    process_update,
    stage_announce,
    stage_create,
    stage_delete,
    stage_open,
    stage_reorder,
    stage_update,
)
from .rounds import (
    ballot_cast,
    facilitator_add,
    facilitator_end,
    notice_days,
    participant_region,
    ranking_from_places,
    round_close,
    round_create,
    round_delete,
    round_results_compute,
    round_update,
)
from .routes import route_adopt, route_compute

__all__ = [
    "attendance_record",
    "ballot_cast",
    "earliest_opening",
    "facilitator_add",
    "facilitator_end",
    "meeting_announce",
    "meeting_create",
    "meeting_update",
    "minutes_publish",
    "notice_days",
    "participant_region",
    "process_create",
    "process_update",
    "ranking_from_places",
    "round_close",
    "round_create",
    "round_delete",
    "round_results_compute",
    "round_update",
    "route_adopt",
    "route_compute",
    "stage_announce",
    "stage_create",
    "stage_delete",
    "stage_open",
    "stage_reorder",
    "stage_update",
]
