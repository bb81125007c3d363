"""The `polycentric` command: set up, serve, import and export the map, report gaps, analyse bodies.

Every command but `analyze` (which needs no database) honours DATABASE_URL (default: the SQLite
file under var/). Bad arguments and bad files exit with status 2 and a message naming the problem;
nothing is changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_SETTINGS = "polycentric.config.settings.dev"


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()


def cmd_setup(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    from polycentric.accounts.reference import people_reference_load
    from polycentric.bodies.reference import bodies_reference_load
    from polycentric.coordination.reference_processes import processes_reference_load
    from polycentric.coordination.reference_rounds import rounds_reference_load
    from polycentric.issuemap.importer import map_import
    from polycentric.issuemap.reference import MAP_FILE

    call_command("migrate", interactive=False, verbosity=0)
    people = people_reference_load()
    result = map_import(path=MAP_FILE, actor=None)
    bodies = bodies_reference_load()
    rounds = rounds_reference_load()
    processes = processes_reference_load()
    print(f"Database ready. People reference: {people}. Map: {result.summary()}. "
          f"Bodies: {bodies}. Prioritisation: {rounds}. Processes: {processes}.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from waitress import serve

    from polycentric.config.wsgi_dev import application

    print(f"Serving Polycentric on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="polycentric")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    cmd_setup(args)
    return cmd_serve(args)


def cmd_import(args: argparse.Namespace) -> int:
    from polycentric.issuemap.importer import map_import

    path = Path(args.file)
    if not path.is_file():
        raise _Usage(f"import: FILE: no such file: {args.file}")
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise _Usage(f"import: FILE: {path.name}: expected a .yaml, .yml or .json file")
    result = map_import(path=path, actor=None)
    print(f"Imported {path.name}: {result.summary()}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from polycentric.issuemap.exporter import map_document, map_tables

    if args.format == "json":
        text = json.dumps(map_document(), indent=2, ensure_ascii=False) + "\n"
        if args.out is None:
            sys.stdout.write(text)
            return 0
        files = {"map.json": text}
    else:
        files = map_tables()
    out = Path(args.out or "export")
    if out.exists() and not out.is_dir():
        raise _Usage(f"export: --out: {out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _Usage(f"export: --out: cannot create {out}: {exc.strerror}") from exc
    for name, content in files.items():
        (out / name).write_text(content, encoding="utf-8")
        print(out / name)
    return 0


def cmd_gaps(args: argparse.Namespace) -> int:
    from polycentric.issuemap.selectors import gap_document, gap_report

    report = gap_report(use_cache=False)
    if args.format == "json":
        print(json.dumps(gap_document(report), indent=2, ensure_ascii=False))
        return 0
    summary = report.summary()
    print("Gaps on the map (aspects that need global policy-making)")
    for status, count in summary.items():
        print(f"  {status:22} {count}")
    for gap in report.gaps:
        print(f"\n{gap.issue} / {gap.aspect}: {gap.status.value}")
        for reason in gap.reasons:
            print(f"  - {reason}")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    """Read a body file and print its principles scorecard; needs no database."""
    from polycentric.engines.power import PowerError
    from polycentric.engines.principles import (
        BodyFileError,
        analyze,
        parse_body_document,
        scorecard_document,
        scorecard_text,
    )

    path = Path(args.body)
    if not path.is_file():
        raise _Usage(f"analyze: BODY: no such file: {args.body}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _Usage(f"analyze: BODY: {path.name}: cannot read the file: {exc}") from exc
    try:
        scorecard = analyze(parse_body_document(text, name=path.name))
    except BodyFileError as exc:
        for line in exc.lines():
            print(f"polycentric: {line}", file=sys.stderr)
        return 2
    except PowerError as exc:
        raise _Usage(f"analyze: {path.name}: {exc}") from exc
    if args.format == "json":
        print(json.dumps(scorecard_document(scorecard), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(scorecard_text(scorecard))
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    """Rank candidates from a ballot file (CSV) and print the result; needs no database."""
    from polycentric.engines.ranking import (
        BallotFileError,
        RankingError,
        parse_ballots_csv,
        rank,
        ranking_document,
        ranking_text,
    )

    path = Path(args.ballots)
    if not path.is_file():
        raise _Usage(f"rank: BALLOTS: no such file: {args.ballots}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _Usage(f"rank: BALLOTS: {path.name}: cannot read the file: {exc}") from exc
    try:
        ballots = parse_ballots_csv(text, name=path.name, method=args.method)
        result = rank(ballots, method=args.method, balance=args.balance)
    except BallotFileError as exc:
        lines = exc.lines()
        for line in lines[:RANK_MAX_PROBLEMS]:
            print(f"polycentric: {line}", file=sys.stderr)
        if len(lines) > RANK_MAX_PROBLEMS:
            print(f"polycentric: {path.name}: ... and {len(lines) - RANK_MAX_PROBLEMS} more "
                  "problems", file=sys.stderr)
        return 2
    except RankingError as exc:
        raise _Usage(f"rank: {path.name}: {exc}") from exc
    if args.format == "json":
        output = json.dumps(ranking_document(result), indent=2, ensure_ascii=False) + "\n"
    else:
        output = ranking_text(result)
    sys.stdout.write(output)
    return 0


RANK_MAX_PROBLEMS = 20


def cmd_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["polycentric manage", *args.rest])
    return 0


class _Usage(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="polycentric",
        description="Polycentric: the internet governance map, its gaps, bodies and processes.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_text: str, *, database: bool = True
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func, database=database)
        return p

    def server_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8000)
        p.add_argument("--threads", type=int, default=8)

    add("setup", cmd_setup, "Create or migrate the database and load the reference data (idempotent).")
    server_options(add("serve", cmd_serve, "Serve the site."))
    server_options(add("demo", cmd_demo, "Set up, then serve the site with the reference data."))
    p = add("import", cmd_import, "Import a map file (YAML or JSON), all or nothing.")
    p.add_argument("file", metavar="FILE")
    p = add("export", cmd_export, "Export the map as JSON (the import format) or CSV tables.")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument("--out", metavar="DIR", default=None,
                   help="folder to write into (JSON defaults to standard output, CSV to ./export)")
    p = add("gaps", cmd_gaps, "Report the gaps on the map.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = add("analyze", cmd_analyze,
            "Check a body file against the principles and compute the voting power of its seats "
            "(no database needed).", database=False)
    p.add_argument("body", metavar="BODY",
                   help="a body file (YAML or JSON), see docs/body-format.md")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = add("rank", cmd_rank,
            "Rank candidates from a ballot file (CSV: voter,group,region,ranking) by Schulze, "
            "ranked pairs, Borda or approval, optionally balancing stakeholder groups "
            "(no database needed).", database=False)
    p.add_argument("ballots", metavar="BALLOTS",
                   help="a CSV ballot file, see docs/ranking.md")
    p.add_argument("--method", choices=["schulze", "ranked-pairs", "borda", "approval"],
                   default="schulze")
    p.add_argument("--balance", choices=["none", "group", "group-region"], default="none",
                   help="none: every ballot counts the same; group: each stakeholder group "
                        "carries the same total weight; group-region: each group-and-region "
                        "cell does")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = add("manage", cmd_manage, "Run a Django management command (e.g. createsuperuser).")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.database:
        try:
            return int(args.func(args) or 0)
        except _Usage as exc:
            print(f"polycentric: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
    _django()
    from django.db import DatabaseError

    from polycentric.core.errors import ApplicationError

    try:
        return int(args.func(args) or 0)
    except DatabaseError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"polycentric: database error: {first_line}. Has the database been set up? "
              "Run `polycentric setup` (DATABASE_URL decides which database).", file=sys.stderr)
        return 2
    except _Usage as exc:
        print(f"polycentric: {exc}", file=sys.stderr)
        return 2
    except ApplicationError as exc:
        print(f"polycentric: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
