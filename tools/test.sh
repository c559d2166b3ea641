#!/usr/bin/env bash
# `make test`: set up what is missing, lint, install the addon with demo data in a
# throw-away database, then run every test in one pytest session: the addon's own
# tests (pytest-odoo, browser tours included) and the end-to-end tests in tests/
# against a real odoo-bin process. Any failure makes it exit non-zero.
source "$(dirname "$0")/env.sh"
setup_all
ensure_chromium
cd "$ROOT"

if [ "${SOP_SKIP_LINT:-0}" != 1 ] && git rev-parse --git-dir >/dev/null 2>&1; then
    step "lint (pre-commit: ruff, pylint-odoo)"
    "$VENV/bin/pre-commit" run --all-files --show-diff-on-failure
fi

DB=${SOP_TEST_DB:-sop_test}
LOG="$ROOT/.test-logs"
mkdir -p "$LOG"
step "installing sales_lead_sop in a fresh database $DB"
dropdb --if-exists "$DB"
if ! odoo -d "$DB" -i sales_lead_sop --stop-after-init --log-level=warn \
        --logfile="$LOG/install.log" || grep -q " \(ERROR\|CRITICAL\) " "$LOG/install.log"; then
    grep -A20 " \(ERROR\|CRITICAL\) " "$LOG/install.log" | head -60 >&2
    die "installing sales_lead_sop failed (full log: $LOG/install.log)"
fi
# Odoo only warns when demo data fails; the end-to-end tests need it, so it is an error here.
[ "$(psql -d "$DB" -Atc "select demo from ir_module_module where name='sales_lead_sop'")" = t ] ||
    die "the demo data of sales_lead_sop failed to load (full log: $LOG/install.log)"

step "pytest: addon tests and end-to-end tests"
export SOP_TEST_DB="$DB" SOP_ODOO_BIN="$ODOO_BIN" SOP_ADDONS_PATH="$ADDONS_PATH" SOP_PYTHON="$PY"
[ $# -gt 0 ] || set -- sales_lead_sop/tests tests
exec "$PY" -m pytest -p no:cacheprovider \
    --odoo-database="$DB" --odoo-addons-path="$ADDONS_PATH" --odoo-http --odoo-log-level=warn "$@"
