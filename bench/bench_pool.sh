#!/usr/bin/env bash
# Pools benchmark (issue 5): recycling job, warnings, claim latency (server side and JSON-RPC).
# Usage: bash bench/bench_pool.sh --db sop_bench [--claims 200] [--steps "reset refresh warn recycle claim rpc"]
# The database must have been filled by bench/generate.sh first.
source "$(dirname "$0")/../tools/env.sh"
setup_all
STEPS="reset refresh warn recycle claim rpc"
args=()
while [ $# -gt 0 ]; do
    if [ "$1" = --steps ]; then STEPS=$2; shift 2; else args+=("$1"); shift; fi
done
for step in $STEPS; do
    /usr/bin/time -f "  ($step: max RSS %M KiB, wall %e s)" \
        "$PY" "$ROOT/bench/bench_pool.py" --addons-path="$ADDONS_PATH" --odoo-bin="$ODOO_BIN" --step "$step" "${args[@]}"
done
