#!/usr/bin/env bash
# Usage: bash bench/bench_kpi_cadence.sh --db sop_bench [--month 2026-10-01]
source "$(dirname "$0")/../tools/env.sh"
setup_all
exec "$PY" "$ROOT/bench/bench_kpi_cadence.py" --addons-path="$ADDONS_PATH" "$@"
