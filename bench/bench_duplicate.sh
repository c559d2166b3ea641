#!/usr/bin/env bash
# Duplicate-check benchmark (issue 6): key backfill, sop_find_duplicates latency against Odoo's
# duplicate_lead_ids, keyword search (issue 21) against a native ilike, create cost with and without the check.
# Usage: bash bench/bench_duplicate.sh --db sop_bench [--queries 300] [--creates 200] [--steps "keys find keyword create"]
# The database must have been filled by bench/generate.sh first (run `keys` once before `find`).
source "$(dirname "$0")/../tools/env.sh"
setup_all
STEPS="keys find keyword create"
args=()
while [ $# -gt 0 ]; do
    if [ "$1" = --steps ]; then STEPS=$2; shift 2; else args+=("$1"); shift; fi
done
for step in $STEPS; do
    /usr/bin/time -f "  ($step: max RSS %M KiB, wall %e s)" \
        "$PY" "$ROOT/bench/bench_duplicate.py" --addons-path="$ADDONS_PATH" --step "$step" "${args[@]}"
done
