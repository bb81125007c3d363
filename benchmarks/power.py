"""Benchmark for issue 3: the power engine against the PyPI package `powerindex`, side by side.

Both compute the normalised Banzhaf and the Shapley-Shubik index of every seat of the same
weighted voting games: n = 21, 100, 500 and 1,000 seats, integer weights 1 to 10 drawn from a
fixed seed, quota half the total weight plus one. For each size and index it prints both times,
their ratio (powerindex / ours) and the largest difference between the two answers, which must be
at most 1e-9 wherever both finish (exit status 1 otherwise). Our times are the best of three
runs of the same code path `compute_power` takes for that index; the line "both" is
`compute_power` itself (checking the seats and rule, both indices, group totals, veto seats).
powerindex runs once per index in a subprocess, timed inside it, and is stopped after 60 s.

powerindex is not a dependency of the project: install it into a scratch virtual environment and
point the benchmark at that interpreter (or install it where the benchmark runs):

    python3 -m venv /tmp/pi-venv && /tmp/pi-venv/bin/pip install powerindex
    .venv/bin/python benchmarks/power.py --powerindex-python /tmp/pi-venv/bin/python

Options: ``--sizes 21 100``, ``--seed``, ``--timeout`` (seconds per powerindex run),
``--cross-check N`` (also compare the Owen-Fourier Shapley-Shubik values with exact integer
counting for sizes up to N seats; 500 by default, about 10 s).

Results (powerindex 0.3.5 in a scratch venv; Python 3.11.7; Linux x86_64, 2 cores shared with
other work, load average about 3.5; seed 2024):

    seats  index            ours (s)  powerindex (s)   ratio  max |diff|  our algorithm
    21     banzhaf             8e-05         0.00038   4.75x           0  counting
    21     shapley_shubik    0.00022          0.0034   15.5x     2.8e-17  counting
    21     both              0.00045
    100    banzhaf           0.00035           0.011   31.3x     3.5e-18  counting
    100    shapley_shubik     0.0086           0.441   51.3x     1.7e-17  counting
    100    both               0.0096
    500    banzhaf            0.0094           0.296   31.4x     1.1e-19  counting
    500    shapley_shubik     0.0564 fails: OverflowError: int too large to convert to float
    500    both               0.0669
    cross-check at 500 seats: Owen-Fourier Shapley-Shubik vs exact counting, max |diff| 1.7e-18
    1000   banzhaf            0.0768            1.58   20.6x     2.2e-19  counting
    1000   shapley_shubik      0.118 fails: did not finish in 60 s
    1000   both                0.199

Goals (issue 3): exact Banzhaf and Shapley-Shubik for 1,000 seats in under 1 second each (0.08 s
and 0.12 s), at least 10 times faster than powerindex from 100 seats up (20 to 51 times where
powerindex finishes). powerindex cannot give the Shapley-Shubik index beyond 170 seats: after
building its size-by-weight table it divides by float(n!), which overflows (at 500 seats), and at
1,000 seats building the table alone takes more than a minute. Our Shapley-Shubik values at 500
and 1,000 seats come from the Owen-Fourier integral, which the benchmark checks against exact
integer counting at 500 seats (agreement 1.7e-18).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from polycentric.engines.power import Seat, Threshold, compute_power  # noqa: E402
from polycentric.engines.power.weighted import (  # noqa: E402
    weighted_shapley_counting,
    weighted_shapley_fourier,
    weighted_swings,
)

SIZES = (21, 100, 500, 1_000)
AGREEMENT = 1e-9
T = TypeVar("T")

POWERINDEX_JOB = """
import json, sys, time
from powerindex import Game
job = json.load(sys.stdin)
game = Game(job["quota"], weights=job["weights"])
start = time.perf_counter()
try:
    if job["index"] == "banzhaf":
        game.calc_banzhaf()
        values = game.banzhaf
    else:
        game.calc_shapley_shubik()
        values = game.shapley_shubik
    print(json.dumps({"seconds": time.perf_counter() - start, "values": values}))
except Exception as exc:
    print(json.dumps({"seconds": time.perf_counter() - start, "error": f"{type(exc).__name__}: {exc}"}))
"""


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def game(n: int, seed: int) -> tuple[list[int], int]:
    rng = random.Random(seed + n)
    weights = [rng.randint(1, 10) for _ in range(n)]
    return weights, sum(weights) // 2 + 1


def ours_banzhaf(weights: Sequence[int], quota: int) -> list[float]:
    """The path compute_power takes for the normalised Banzhaf index of a weighted game."""
    kinds = sorted(set(weights))
    sizes = [weights.count(w) for w in kinds]
    swings = dict(zip(kinds, weighted_swings(kinds, sizes, quota), strict=True))
    total = sum(swings[w] for w in weights)
    return [swings[w] / total for w in weights]


def ours_shapley(weights: Sequence[int], quota: int, algorithm: str) -> list[float]:
    """The path compute_power takes for the Shapley-Shubik index (the algorithm it reported)."""
    kinds = sorted(set(weights))
    sizes = [weights.count(w) for w in kinds]
    if algorithm == "owen_fourier":
        values = weighted_shapley_fourier(kinds, sizes, quota)
        assert values is not None
    else:
        values = [float(v) for v in weighted_shapley_counting(kinds, sizes, quota)]
    by_weight = dict(zip(kinds, values, strict=True))
    return [by_weight[w] for w in weights]


def powerindex(
    python: str | None, weights: Sequence[int], quota: int, index: str, timeout: float
) -> dict[str, object]:
    if python is None:
        return {"error": "not installed (see --powerindex-python)"}
    job = json.dumps({"weights": list(weights), "quota": quota, "index": index})
    try:
        done = subprocess.run(
            [python, "-c", POWERINDEX_JOB],
            input=job,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish in {timeout:g} s"}
    if done.returncode != 0:
        return {
            "error": done.stderr.strip().splitlines()[-1]
            if done.stderr
            else f"exit {done.returncode}"
        }
    result: dict[str, object] = json.loads(done.stdout)
    return result


def find_powerindex(given: str | None) -> str | None:
    candidates = [given] if given else [sys.executable]
    for python in candidates:
        if python and Path(python).exists():
            probe = subprocess.run(
                [python, "-c", "import powerindex"], capture_output=True, check=False
            )
            if probe.returncode == 0:
                return python
    return None


def seconds(value: float) -> str:
    return f"{value:.2g}" if value < 0.01 else f"{value:.3g}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--powerindex-python", default=None)
    parser.add_argument("--cross-check", type=int, default=500, metavar="N")
    args = parser.parse_args(argv)

    python = find_powerindex(args.powerindex_python)
    version = "not installed"
    if python:
        probe = subprocess.run(
            [python, "-c", "import importlib.metadata as m; print(m.version('powerindex'))"],
            capture_output=True,
            text=True,
            check=False,
        )
        version = probe.stdout.strip() or "unknown version"
    print(
        f"powerindex {version} ({python or '-'}); Python {platform.python_version()}; "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores; seed {args.seed}"
    )
    print(
        f"{'seats':<6} {'index':<15} {'ours (s)':>9} {'powerindex (s)':>15} {'ratio':>7} {'max |diff|':>11}  our algorithm"
    )
    disagreements = 0
    for n in args.sizes:
        weights, quota = game(n, args.seed)
        seats = [Seat(f"s{i}", "seats", weight=w) for i, w in enumerate(weights)]
        full_time, result = best_of(
            3, lambda seats=seats, quota=quota: compute_power(Threshold(quota), seats)
        )
        algorithms = {
            "banzhaf": result.banzhaf_algorithm,
            "shapley_shubik": result.shapley_shubik_algorithm,
        }
        for index in ("banzhaf", "shapley_shubik"):
            if index == "banzhaf":
                ours_time, ours = best_of(3, lambda w=weights, q=quota: ours_banzhaf(w, q))
            else:
                chosen = algorithms[index]
                ours_time, ours = best_of(
                    3, lambda w=weights, q=quota, a=chosen: ours_shapley(w, q, a)
                )
            public = [getattr(e, index) for e in result.entries]
            assert max(abs(a - b) for a, b in zip(ours, public, strict=True)) <= 1e-15
            theirs = powerindex(python, weights, quota, index, args.timeout)
            if "error" in theirs:
                print(
                    f"{n:<6} {index:<15} {seconds(ours_time):>9} {'fails: ' + str(theirs['error'])}"
                )
                continue
            values = theirs["values"]
            assert isinstance(values, list)
            difference = max(abs(a - b) for a, b in zip(ours, values, strict=True))
            their_time = float(theirs["seconds"])  # type: ignore[arg-type]
            ratio = their_time / ours_time
            flag = "" if difference <= AGREEMENT else "  DISAGREE"
            disagreements += difference > AGREEMENT
            print(
                f"{n:<6} {index:<15} {seconds(ours_time):>9} {seconds(their_time):>15} {ratio:>6.3g}x "
                f"{difference:>11.2g}  {algorithms[index]}{flag}"
            )
        print(f"{n:<6} {'both':<15} {seconds(full_time):>9}")
        if n <= args.cross_check and algorithms["shapley_shubik"] == "owen_fourier":
            counted = ours_shapley(weights, quota, "counting")
            integrated = ours_shapley(weights, quota, "owen_fourier")
            difference = max(abs(a - b) for a, b in zip(counted, integrated, strict=True))
            disagreements += difference > AGREEMENT
            print(
                f"cross-check at {n} seats: Owen-Fourier Shapley-Shubik vs exact counting, "
                f"max |diff| {difference:.2g}"
            )
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
