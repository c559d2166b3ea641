#!/usr/bin/env bash
# Pools benchmark (issue 5): recycling job, warnings, claim latency (server side and JSON-RPC).
# Usage: bash bench/bench_pool.sh --db sop_bench [--claims 200]
# The database must have been filled by bench/generate.sh first.
source "$(dirname "$0")/../tools/env.sh"
setup_all
for step in warn recycle claim rpc; do
    "$PY" "$ROOT/bench/bench_pool.py" --addons-path="$ADDONS_PATH" --odoo-bin="$ODOO_BIN" --step "$step" "$@"
done
