"""Coordination models, split by topic and re-exported here."""

from .processes import Attendance, Meeting, Process, Stage, validate_timezone
from .rounds import Facilitator, PrioritisationRound, RoundBallot
from .routes import Route

__all__ = [
    "Attendance",
    "Facilitator",
    "Meeting",
    "PrioritisationRound",
    "Process",
    "RoundBallot",
    "Route",
    "Stage",
    "validate_timezone",
]
