#!/usr/bin/env bash
# Create (once) a bench database with sales_lead_sop and no demo data, then fill it.
# Usage: bash bench/generate.sh --db sop_bench --customers 1000000 --leads 1000000 --reps 200
source "$(dirname "$0")/../tools/env.sh"
setup_all
DB=sop_bench
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = --db ] && DB=${args[$((i + 1))]}; done
if ! module_installed "$DB"; then
    step "creating $DB with sales_lead_sop (no demo data)"
    dropdb --if-exists "$DB"
    odoo -d "$DB" -i sales_lead_sop --without-demo=all --stop-after-init --log-level=warn ||
        die "installing sales_lead_sop in $DB failed"
fi
[[ " $* " == *" --db "* ]] || set -- --db "$DB" "$@"
exec "$PY" "$ROOT/bench/generate.py" --addons-path="$ADDONS_PATH" "$@"
