"""One ballot per participant under concurrent submissions, on PostgreSQL (where two requests
really run at once; SQLite serialises every write, so the race cannot happen there)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from polycentric.coordination import services
from polycentric.coordination.models import RoundBallot

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 8


def test_simultaneous_ballots_of_one_participant_end_as_one_ballot(make_round, ana):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writes, so submissions never overlap")
    round_ = make_round("open")
    rankings = [[["spam"], ["jurisdiction"]], [["jurisdiction"], ["spam"]]] * (ATTEMPTS // 2)
    start = threading.Barrier(ATTEMPTS)
    failures: list[BaseException] = []

    def submit(ranking):
        try:
            start.wait(timeout=10)
            services.ballot_cast(round=round_, actor=ana, ranking=ranking)
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(r,)) for r in rankings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert failures == []
    ballots = list(RoundBallot.objects.filter(round=round_, participant=ana.participant))
    assert len(ballots) == 1
    assert ballots[0].ranking in ([["spam"], ["jurisdiction"]], [["jurisdiction"], ["spam"]])
