#!/usr/bin/env bash
# The main job: install, create the embedded SQLite database, load the bundled
# reference data and serve the site on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh base
exec .venv/bin/polycentric demo "$@"
