#!/usr/bin/env bash
# The whole test suite: lint, architecture contracts, then pytest on SQLite and
# again on PostgreSQL when one is reachable (required when POLYCENTRIC_REQUIRE_POSTGRES=1).
# PostgreSQL is found at $POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/polycentric.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh dev
py=.venv/bin/python

echo "== ruff"
.venv/bin/ruff check polycentric tests benchmarks
echo "== import-linter"
.venv/bin/lint-imports
echo "== mypy (strict on polycentric/engines)"
.venv/bin/mypy polycentric/engines

run_pytest() {
  # pytest exits 5 when it collected nothing: that is a failure here.
  set +e
  "$py" -m pytest -n "${PYTEST_WORKERS:-2}" -q "$@"
  code=$?
  set -e
  if [ "$code" -eq 5 ]; then echo "pytest collected no tests" >&2; return 1; fi
  return "$code"
}

echo "== pytest on SQLite"
DATABASE_URL="sqlite:///:memory:" run_pytest "$@"

pg_url="${POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/polycentric}"
if "$py" - "$pg_url" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL not reachable: {exc}", file=sys.stderr)
    sys.exit(1)
PY
then
  echo "== pytest on PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" run_pytest "$@"
elif [ "${POLYCENTRIC_REQUIRE_POSTGRES:-0}" = "1" ]; then
  echo "PostgreSQL is required (POLYCENTRIC_REQUIRE_POSTGRES=1) but not reachable" >&2
  exit 1
else
  echo "== PostgreSQL not reachable: skipped the PostgreSQL run"
fi
