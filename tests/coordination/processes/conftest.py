"""The process, meeting and feed fixtures (tests/coordination/processes/fixtures.py)."""

from tests.coordination.processes.fixtures import (  # noqa: F401
    anon,
    coming_meeting,
    fatou_client,
    past_meeting,
    roadmap_process,
)
