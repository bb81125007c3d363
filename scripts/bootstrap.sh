# Sourced by run.sh and test.sh: make .venv and install the locked dependencies.
# Usage: source scripts/bootstrap.sh base|dev
# Reinstalls only when the lock file changed since the last install.
set -euo pipefail
profile="${1:-base}"
python_bin="${PYTHON:-python3}"
if ! "$python_bin" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Polycentric needs Python 3.11 or newer; $python_bin is $("$python_bin" --version 2>&1)." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
lock="requirements/${profile}.lock"
stamp=".venv/.installed-${profile}"
if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
  .venv/bin/python -m pip install --quiet --upgrade "pip>=24"
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r "$lock"
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e . 2>/dev/null \
    || .venv/bin/python -m pip install --quiet --no-deps -e .
  cp "$lock" "$stamp"
fi
