#!/usr/bin/env bash
# The whole suite, headless: unit tier (no QGIS), QGIS tier (real PyQGIS), qgis_process end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# Never "python -m pytest": it would put the repository root (and our processing/) on sys.path.
exec .venv/bin/pytest "$@"
