"""Benchmark for issue 4: our Schulze against the PyPI package `pref_voting`'s, side by side.

Both rank the same random ballots, complete strict rankings drawn uniformly from a fixed seed
(``numpy.random.default_rng(seed).random((ballots, candidates)).argsort(axis=1)``): 300
candidates with 10,000 ballots and 50 candidates with 100,000 ballots. Ours is
``rank(ballots, method="schulze")`` from `Ballot` objects (checking the ballots, pairwise counts,
strongest paths, tiers, plus the per-group rankings and agreement it always computes; every ballot
here is in one group), the best of three runs. The ballots share one string object per candidate
name, as `parse_ranking` makes them (it interns names); the column "fresh names" times the same
ballots when every ballot has its own string objects (each is hashed once more), as when a caller
builds tiers from strings of its own. The columns "counting" and "paths" time the two numpy steps
alone.
pref_voting's is ``beat_path(Profile(rankings))`` with its default Floyd-Warshall algorithm, timed
in two parts (building the `Profile`, which tallies the pairwise support, then `beat_path`), run
once in a subprocess that is stopped after ``--timeout`` seconds, after a warm-up on three
candidates so that numba's compilation is not counted. The script checks that both give
the same winners (exit status 1 otherwise) and prints both times and their ratio.

pref_voting measures path strength by margin, we by winning votes (Schulze's recommendation); on
complete strict rankings the two are equivalent (``margin = 2 * winning votes - ballots``), so the
winners must agree. pref_voting's anonymous profile form (each distinct ranking once, with a
count) would not help here: with 50 or 300 candidates every random ranking is distinct, which the
job checks and reports.

pref_voting is not a dependency of the project: install it into a scratch virtual environment and
run the benchmark with that interpreter (the script adds the project folder to ``sys.path`` to
import our engine, which needs only numpy):

    python3 -m venv /tmp/pv-venv && /tmp/pv-venv/bin/pip install pref_voting numpy
    /tmp/pv-venv/bin/python benchmarks/ranking.py

or run it with the project's interpreter and point it at the scratch one for pref_voting:

    .venv/bin/python benchmarks/ranking.py --pref-voting-python /tmp/pv-venv/bin/python

Options: ``--cases 300x10000 50x100000`` (candidates x ballots), ``--seed``, ``--repeat`` (runs of
ours, best kept), ``--timeout`` (seconds for each pref_voting run, 300 by default),
``--pref-voting-python``, ``--skip-pref-voting``.

Results: docs/benchmarks.md (the lead records them there).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from polycentric.engines.ranking import Ballot, rank  # noqa: E402
from polycentric.engines.ranking.methods import schulze  # noqa: E402
from polycentric.engines.ranking.profile import pairwise_counts  # noqa: E402

CASES = ("300x10000", "50x100000")
T = TypeVar("T")


def orders(candidates: int, ballots: int, seed: int) -> np.ndarray:
    """Row ``b``: ballot ``b``'s candidates (0 .. candidates-1), best first."""
    rng = np.random.default_rng(seed)
    return rng.random((ballots, candidates)).argsort(axis=1)


def digest(array: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(array, dtype=np.int64).tobytes()).hexdigest()[:16]


def name(candidate: int) -> str:
    return f"c{candidate:03d}"


def pref_voting_job(job: dict[str, Any]) -> dict[str, Any]:
    """Run pref_voting on the case in ``job``; called in a subprocess (``--pref-voting-job``)."""
    from pref_voting.margin_based_methods import beat_path
    from pref_voting.profiles import Profile

    beat_path(Profile([[0, 1, 2], [2, 1, 0], [1, 0, 2]]))  # compile its numba functions first
    drawn = orders(job["candidates"], job["ballots"], job["seed"])
    rankings = drawn.tolist()
    distinct = len({tuple(r) for r in rankings})
    start = time.perf_counter()
    profile = Profile(rankings)
    built = time.perf_counter()
    winners = beat_path(profile)
    done = time.perf_counter()
    return {
        "digest": digest(drawn),
        "distinct": distinct,
        "profile_s": built - start,
        "beat_path_s": done - built,
        "winners": sorted(int(w) for w in winners),
    }


def run_pref_voting(python: str, candidates: int, ballots: int, seed: int,
                    timeout: float) -> dict[str, Any]:
    job = json.dumps({"candidates": candidates, "ballots": ballots, "seed": seed})
    try:
        done = subprocess.run(
            [python, str(Path(__file__).resolve()), "--pref-voting-job"],
            input=job, capture_output=True, text=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {timeout:g} s"}
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        return {"error": last or f"exit status {done.returncode}"}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def pref_voting_version(python: str) -> str | None:
    probe = subprocess.run(
        [python, "-c", "import importlib.metadata as m, pref_voting; print(m.version('pref_voting'))"],
        capture_output=True, text=True, check=False,
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES),
                        help="candidates x ballots, e.g. 300x10000")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--pref-voting-python", default=sys.executable)
    parser.add_argument("--skip-pref-voting", action="store_true")
    parser.add_argument("--pref-voting-job", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.pref_voting_job:
        print(json.dumps(pref_voting_job(json.load(sys.stdin))))
        return 0

    python = None if args.skip_pref_voting else args.pref_voting_python
    version = pref_voting_version(python) if python else None
    print(
        f"pref_voting {version or 'not run'} ({python if version else '-'}); "
        f"numpy {np.__version__}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores; seed {args.seed}"
    )
    if python and not version:
        print(f"pref_voting is not installed for {python}; install it with\n"
              "  python3 -m venv /tmp/pv-venv && /tmp/pv-venv/bin/pip install pref_voting numpy\n"
              "and pass --pref-voting-python /tmp/pv-venv/bin/python (or run with it).")
    print()
    header = (f"{'candidates':>10} {'ballots':>8}  {'ours (s)':>9} {'fresh names':>11} "
              f"{'counting':>9} {'paths':>7}"
              f"  {'pref_voting (s)':>15} {'Profile':>8} {'beat_path':>9}  {'ratio':>7}  winner")
    print(header)
    disagreements = 0
    for case in args.cases:
        candidates, ballots = (int(part) for part in case.lower().split("x"))
        drawn = orders(candidates, ballots, args.seed)
        shared = [name(c) for c in range(candidates)]
        made = [
            Ballot(f"v{b}", "everyone", None, tuple(frozenset([shared[c]]) for c in row))
            for b, row in enumerate(drawn.tolist())
        ]
        ours_s, result = best_of(args.repeat, lambda made=made: rank(made, method="schulze"))
        made = [
            Ballot(f"v{b}", "everyone", None, tuple(frozenset([name(c)]) for c in row))
            for b, row in enumerate(drawn.tolist())
        ]
        fresh_s, fresh = best_of(args.repeat, lambda made=made: rank(made, method="schulze"))
        assert fresh.tiers == result.tiers
        del made
        tiers_table = np.argsort(drawn, axis=1).astype(np.int16)  # each candidate's position
        counting_s, counts = best_of(args.repeat, lambda t=tiers_table: pairwise_counts(t))
        paths_s, _ = best_of(args.repeat, lambda c=counts: schulze(c))
        ours = sorted(int(w[1:]) for w in result.winners)
        row = (f"{candidates:>10} {ballots:>8}  {seconds(ours_s):>9} {seconds(fresh_s):>11} "
               f"{seconds(counting_s):>9} {seconds(paths_s):>7}")
        if not version or python is None:
            print(f"{row}  {'-':>15} {'-':>8} {'-':>9}  {'-':>7}  {ours}")
            continue
        theirs = run_pref_voting(python, candidates, ballots, args.seed, args.timeout)
        if "error" in theirs:
            print(f"{row}  {theirs['error']:>15}  {'':>8} {'':>9}  "
                  f"{'> ' + format(args.timeout / ours_s, '.0f') + 'x':>7}  {ours}")
            continue
        if theirs["digest"] != digest(drawn):
            print(f"{row}  the pref_voting job drew other ballots (numpy versions differ?)")
            disagreements += 1
            continue
        total = theirs["profile_s"] + theirs["beat_path_s"]
        agree = theirs["winners"] == ours
        disagreements += not agree
        verdict = "same" if agree else f"differs: pref_voting {theirs['winners']}"
        print(f"{row}  {seconds(total):>15} {seconds(theirs['profile_s']):>8} "
              f"{seconds(theirs['beat_path_s']):>9}  {total / ours_s:>6.0f}x  "
              f"{ours} ({verdict}; {theirs['distinct']} distinct rankings)")
    if disagreements:
        print("\nThe winners differ: see above.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
