"""Benchmark for issue 2: the gap computation and the map pages, on a synthetic map.

Run from the project folder (under a minute on two cores):

    .venv/bin/python benchmarks/gaps.py
    .venv/bin/python benchmarks/gaps.py \
        --database-url postgres://postgres@127.0.0.1:5432/polycentric_bench

It never touches the developer's database: it works in a new temporary folder with its own
SQLite file, or in a PostgreSQL database that it creates and drops (it refuses one that exists).

1. Engine: `compute_gaps` on the full map (2,000 issues, 6,000 aspects, 500 venues, 10,000
   mandates), best of several runs, side by side with the obvious nested-loop baseline written
   below (for each aspect, scan every mandate and check each covering venue afresh). Both must
   give the same status for every aspect; the ratio baseline/engine is printed.
2. End to end: `gap_report(use_cache=False)` at full size (database reads plus the engine).
3. Pages and API at 100, 1,000 and 2,000 issues (the other counts in proportion): GET /issues/,
   /api/issues, /gaps/ and /api/gaps through Django's test client. The cold request comes
   first: before it the script empties both levels of the gap report's cache, Django's cache
   and the process memo (`selectors._last_report`), so the report is computed from the database
   as after a map change. Then one warm-up and the median and minimum of repeated warm
   requests, with the SQL queries per request. Two more rows show what `gap_report()` costs
   every page: from the process memo (the usual hit), and from the shared cache alone (memo
   emptied before each call, as in another worker process after a map change, which unpickles
   the report). The goal is latency flat in the number of issues (/api/gaps lists every gap,
   so it grows with the map by design).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from polycentric.engines.gaps import AspectRef, Cover, GapParameters, VenueProfile

PROJECT_DIR = Path(__file__).resolve().parent.parent
PAGE_SIZES = (100, 1_000, 2_000)
REQUESTS = (
    ("GET /issues/", "/issues/"),
    ("GET /api/issues", "/api/issues"),
    ("GET /gaps/", "/gaps/"),
    ("GET /api/gaps", "/api/gaps"),
)
GOAL_MS = 1_000.0

T = TypeVar("T")


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall time of `runs` calls, in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


# ---- the baseline ------------------------------------------------------------------------------


def baseline_gaps(
    aspects: Iterable[AspectRef],
    venues: Mapping[str, VenueProfile],
    covers: Sequence[Cover],
    parameters: GapParameters,
) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """The obvious way: for each aspect, scan every mandate and check each covering venue afresh.

    Returns, per assessed aspect, its status and (for `home_excludes_groups`) the groups that no
    global covering venue lets take part. It builds no reasons, so it does less than the engine.
    """
    results: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for ref in aspects:
        if not ref.needs_global_policy:
            continue
        any_cover = False
        global_left_out: list[set[str]] = []
        open_global = home = False
        for cover in covers:
            if cover.issue != ref.issue:
                continue
            if cover.aspect is not None and cover.aspect != ref.aspect:
                continue
            venue = venues[cover.venue]
            any_cover = True
            if not venue.is_global:
                continue
            left_out = {
                group
                for group in parameters.required_groups
                if venue.participation.get(group, "none") not in parameters.taking_part
            }
            global_left_out.append(left_out)
            if not left_out:
                open_global = True
                if venue.can_decide or venue.can_recommend:
                    home = True
        if not any_cover:
            results[(ref.issue, ref.aspect)] = ("no_home", ())
        elif home:
            results[(ref.issue, ref.aspect)] = ("covered", ())
        elif not global_left_out:
            results[(ref.issue, ref.aspect)] = ("home_not_global", ())
        elif not open_global:
            everywhere = tuple(
                g for g in parameters.required_groups if all(g in out for out in global_left_out)
            )
            results[(ref.issue, ref.aspect)] = ("home_excludes_groups", everywhere)
        else:
            results[(ref.issue, ref.aspect)] = ("home_cannot_act", ())
    return results


def engine_results(report: Any) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    return {
        (gap.issue, gap.aspect): (gap.status.value, tuple(gap.groups_left_out))
        for gap in report.aspects
    }


# ---- the environment ---------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


@dataclass
class Database:
    """The benchmark's own database: a SQLite file in its temporary folder, or a PostgreSQL
    database that it created (and drops)."""

    url: str
    admin_url: str = ""
    name: str = ""

    @classmethod
    def postgres(cls, url: str) -> Database:
        import psycopg
        from psycopg import sql

        parts = urlsplit(url)
        if parts.scheme not in ("postgres", "postgresql"):
            raise SystemExit(f"--database-url: expected a postgres:// URL, got {url!r}")
        name = parts.path.lstrip("/")
        if not name or name == "postgres":
            raise SystemExit("--database-url: name a database for the benchmark to create")
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        try:
            conn = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
        except psycopg.OperationalError as exc:
            raise SystemExit(f"--database-url: cannot reach PostgreSQL: {exc}") from exc
        with conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists:
                raise SystemExit(
                    f"--database-url: database {name!r} exists; the benchmark creates and drops "
                    "its own database, so name one that does not exist (or drop it yourself)"
                )
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return cls(url=url, admin_url=admin_url, name=name)

    def drop(self) -> None:
        if not self.admin_url:
            return
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )


def django_start(folder: Path, database: Database) -> str:
    """Point Django at the benchmark's folder and database, set it up and migrate.

    DEBUG is off, as in production (no query log kept on every request)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "polycentric.config.settings.dev"
    os.environ["POLYCENTRIC_VAR_DIR"] = str(folder)
    os.environ["DATABASE_URL"] = database.url
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.pop("REDIS_URL", None)
    (folder / "static").mkdir(exist_ok=True)
    import django

    django.setup()
    # No "Not Found" line for each request to a page that is not built yet.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


# ---- measurements ------------------------------------------------------------------------------


@dataclass
class EngineResult:
    engine_s: float
    baseline_s: float
    same: bool
    summary: dict[str, int]


def bench_engine(synthetic: Any, *, runs: int, baseline_runs: int) -> EngineResult:
    from polycentric.engines.gaps import DEFAULT_PARAMETERS, compute_gaps

    aspects, venues = synthetic.aspect_refs(), synthetic.venue_profiles()
    covers = synthetic.covers()
    engine_s, report = best_of(
        runs, lambda: compute_gaps(aspects, venues, covers, DEFAULT_PARAMETERS)
    )
    baseline_s, baseline = best_of(
        baseline_runs, lambda: baseline_gaps(aspects, venues, covers, DEFAULT_PARAMETERS)
    )
    return EngineResult(engine_s, baseline_s, engine_results(report) == baseline, report.summary())


@dataclass
class RequestResult:
    label: str
    issues: int
    state: str  # "ok", or why it was not measured
    cold_ms: float = 0.0
    median_ms: float = 0.0
    min_ms: float = 0.0
    cold_queries: int = 0
    warm_queries: int = 0
    kilobytes: float | None = None


MEMO_REPORT = "gap_report() from the process memo"
SHARED_REPORT = "gap_report() from the shared cache"


def forget_gap_report() -> None:
    """Empty both levels of the gap report's cache: Django's cache and the process memo.

    `gap_report()` keeps the last report in process memory under the same key as the cache, so
    clearing the cache alone leaves the report in hand and the "cold" request would not
    compute it."""
    from django.core.cache import cache

    from polycentric.issuemap import selectors

    cache.clear()
    selectors._last_report = None


def bench_cached_report(issues: int, *, repeat: int, memo: bool) -> RequestResult:
    """What every page pays to get the gap report once it is cached.

    Cold is the computation after `forget_gap_report()`. With `memo`, the warm calls find the
    report in the process memo (the usual case); without it the memo is emptied before each
    call, so the report comes from Django's cache, unpickled (another worker process after a
    map change, or a process that has just started)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from polycentric.issuemap import selectors

    forget_gap_report()
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as cold:
        selectors.gap_report()
    cold_ms = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(repeat):
        if not memo:
            selectors._last_report = None
        with CaptureQueriesContext(connection) as warm:
            start = time.perf_counter()
            selectors.gap_report()
            times.append((time.perf_counter() - start) * 1000)
    return RequestResult(
        MEMO_REPORT if memo else SHARED_REPORT, issues, "ok", cold_ms,
        statistics.median(times), min(times), len(cold.captured_queries),
        len(warm.captured_queries),
    )


def bench_request(label: str, url: str, issues: int, *, repeat: int) -> RequestResult:
    """The cold first request (cache and memo emptied), one warm-up, then the median of
    `repeat`."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def one() -> tuple[float, int, Any]:
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        return elapsed * 1000, len(queries.captured_queries), response

    forget_gap_report()
    try:
        cold_ms, cold_queries, response = one()
    except Exception as exc:  # a page being built may fail: report it, measure the rest
        return RequestResult(label, issues, f"error: {type(exc).__name__}: {exc}"[:120])
    if response.status_code != 200:
        return RequestResult(label, issues, f"HTTP {response.status_code}")
    if response.content.strip() == b"todo":
        return RequestResult(label, issues, "not built yet")
    one()  # warm-up
    times, warm_queries = [], 0
    for _ in range(repeat):
        elapsed, warm_queries, response = one()
        times.append(elapsed)
    return RequestResult(
        label, issues, "ok", cold_ms, statistics.median(times), min(times), cold_queries,
        warm_queries, len(response.content) / 1024,
    )


def process_warm_up() -> None:
    from django.test import Client

    client = Client()
    for _, url in REQUESTS:
        with contextlib.suppress(Exception):  # bench_request reports any failure
            client.get(url)


# ---- output ------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table, so the output can go into docs/benchmarks.md as it is."""
    text = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in text) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in text]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def print_engine(engine: EngineResult, args: argparse.Namespace) -> None:
    print("\n## Gap computation, engine only (plain data in memory)\n")
    print(table(
        ["implementation", "runs", "best ms", "same statuses"],
        [
            ["polycentric.engines.gaps.compute_gaps", args.runs, ms(engine.engine_s),
             "yes" if engine.same else "NO"],
            ["baseline: nested loop over all mandates", args.baseline_runs,
             ms(engine.baseline_s), "-"],
        ],
    ))
    print("\nStatuses of the assessed aspects: "
          + ", ".join(f"{k} {v:,}" for k, v in engine.summary.items()))


def print_pages(results: Sequence[RequestResult], backend: str, repeat: int) -> None:
    print(f"\n## Pages and API ({backend}; median and min of {repeat} warm requests, "
          "cold = first request with the cache and the process memo emptied)\n")
    print(table(
        ["request", "issues", "median ms", "min ms", "cold ms", "queries warm", "queries cold",
         "kB"],
        [
            [r.label, f"{r.issues:,}", f"{r.median_ms:,.1f}", f"{r.min_ms:,.1f}",
             f"{r.cold_ms:,.1f}", r.warm_queries, r.cold_queries,
             "-" if r.kilobytes is None else f"{r.kilobytes:,.1f}"]
            if r.state == "ok" else [r.label, f"{r.issues:,}", r.state, "", "", "", "", ""]
            for r in results
        ],
    ))
    print()
    for label in [*(label for label, _ in REQUESTS), MEMO_REPORT, SHARED_REPORT]:
        measured = [r for r in results if r.label == label and r.state == "ok"]
        if len(measured) >= 2 and measured[0].median_ms > 0:
            growth = measured[-1].median_ms / measured[0].median_ms
            floor = measured[-1].min_ms / measured[0].min_ms
            queries = sorted({r.warm_queries for r in measured})
            print(f"{label}: {measured[-1].issues:,} vs {measured[0].issues:,} issues: "
                  f"median x{growth:.2f}, min x{floor:.2f}, warm queries {queries}")


def run(args: argparse.Namespace, sizes: Sequence[int], folder: Path, database: Database) -> int:
    from benchmarks.synthetic_map import DEFAULT_SEED, FULL_SIZE, MapSize, synthetic_map

    seed = DEFAULT_SEED if args.seed is None else args.seed
    about = machine()
    print(f"Machine: {about['cpus']} CPUs, {about['cpu']}, {about['system']}, "
          f"Python {about['python']}; load average at start {load_average()}")
    full = synthetic_map(FULL_SIZE, seed=seed)
    print(f"Synthetic map (seed {seed}): {FULL_SIZE.issues:,} issues, {FULL_SIZE.aspects:,} "
          f"aspects, {FULL_SIZE.venues:,} venues, {FULL_SIZE.mandates:,} mandates")

    # 1. The engine alone, side by side with the baseline.
    engine = bench_engine(full, runs=args.runs, baseline_runs=args.baseline_runs)
    print_engine(engine, args)

    # 2. End to end from the database.
    backend = django_start(folder, database)
    from benchmarks.synthetic_map import synthetic_map_clear, synthetic_map_load
    from polycentric.issuemap.selectors import gap_report

    start = time.perf_counter()
    synthetic_map_load(full)
    load_s = time.perf_counter() - start
    e2e_s, report = best_of(args.runs, lambda: gap_report(use_cache=False))
    same_from_db = engine_results(report) == baseline_gaps(
        full.aspect_refs(), full.venue_profiles(), full.covers(), report.parameters
    )
    print(f"\n## Gap report from the database ({backend})\n")
    print(table(
        ["step", "ms"],
        [
            ["bulk load of the full map (not part of the goal)", ms(load_s)],
            [f"gap_report(use_cache=False): reads + engine, best of {args.runs}", ms(e2e_s)],
        ],
    ))
    print(f"\nSame statuses as the baseline on the generated data: "
          f"{'yes' if same_from_db else 'NO'}")

    # 3. Pages and API at several sizes. One request to each first, so that loading the URL
    # map, compiling templates and the like do not count as the cold request at the first size.
    process_warm_up()
    results: list[RequestResult] = []
    for issues in sizes:
        size = FULL_SIZE if issues == FULL_SIZE.issues else MapSize.scaled(issues)
        synthetic_map_clear()
        synthetic_map_load(synthetic_map(size, seed=seed))
        for label, url in REQUESTS:
            results.append(bench_request(label, url, issues, repeat=args.requests))
        results.append(bench_cached_report(issues, repeat=args.requests, memo=True))
        results.append(bench_cached_report(issues, repeat=args.requests, memo=False))
    print_pages(results, backend, args.requests)

    print()
    print(f"gap computation at full size: {ms(engine.engine_s)} ms (goal < {GOAL_MS:,.0f} ms); "
          f"baseline/engine ratio: {engine.baseline_s / engine.engine_s:,.1f}")
    print(f"gap report from the database at full size: {ms(e2e_s)} ms "
          f"(goal < {GOAL_MS:,.0f} ms)")
    print(f"load average at the end: {load_average()} (other work on the machine skews "
          "the times)")
    return 0 if engine.same and same_from_db else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", default="",
                        help="a postgres:// URL naming a database to create and drop "
                             "(default: a temporary SQLite file)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the synthetic map")
    parser.add_argument("--runs", type=int, default=5,
                        help="runs of the engine and of the uncached gap report (best is kept)")
    parser.add_argument("--baseline-runs", type=int, default=3, help="runs of the baseline")
    parser.add_argument("--requests", type=int, default=30,
                        help="warm requests per page and size (median and min are kept)")
    parser.add_argument("--sizes", default=",".join(str(s) for s in PAGE_SIZES),
                        help="issue counts for the page benchmark, comma-separated")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: expected comma-separated numbers, got {args.sizes!r}")
    if not sizes or min(sizes) < 10:
        parser.error("--sizes: give one or more issue counts of at least 10")
    if min(args.runs, args.baseline_runs, args.requests) < 1:
        parser.error("--runs, --baseline-runs and --requests must be at least 1")

    sys.path.insert(0, str(PROJECT_DIR))
    database = (Database.postgres(args.database_url) if args.database_url else None)
    folder = Path(tempfile.mkdtemp(prefix="polycentric-bench-"))
    try:
        database = database or Database(url=f"sqlite:///{folder / 'benchmark.sqlite3'}")
        return run(args, sizes, folder, database)
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if database is not None:
            database.drop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
