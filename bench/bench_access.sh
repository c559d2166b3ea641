#!/usr/bin/env bash
# Record-rule cost (issue 7): a rep's "My customers" list against the same request as admin.
# Usage: bash bench/bench_access.sh --db sop_bench [--runs 20] [--rep bench_rep_000] [--list customers|contacts] [--cold-rules]
source "$(dirname "$0")/../tools/env.sh"
setup_all
"$PY" "$ROOT/bench/bench_access.py" --addons-path="$ADDONS_PATH" "$@"
