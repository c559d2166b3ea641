#!/usr/bin/env bash
# `make test`: set up what is missing, lint, install the addon with demo data in a
# throw-away database, then run every test in one pytest session: the addon's own
# tests (pytest-odoo, browser tours included), the end-to-end tests in tests/ against a
# real odoo-bin process, and Odoo's own crm and sales_team tests with our addon installed.
# Any failure makes it exit non-zero. Arguments replace the default test paths.
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
# The addon with its demo data is installed once per version of the addon's files, in a
# template database; each run tests a fresh copy of it (database and filestore).
TEMPLATE="${DB}_tpl_$(addon_hash)"
if ! module_installed "$TEMPLATE"; then
    step "installing sales_lead_sop in a fresh database $TEMPLATE"
    for old in $(psql -d postgres -Atc "select datname from pg_database where datname like '${DB}\\_tpl\\_%'"); do
        "$PY" "$ODOO_BIN" db drop "$old" >/dev/null 2>&1 || dropdb --if-exists "$old"
    done
    : > "$LOG/install.log"
    if ! odoo -d "$TEMPLATE" -i sales_lead_sop --stop-after-init --log-level=warn \
            --logfile="$LOG/install.log" || grep -q " \(ERROR\|CRITICAL\) " "$LOG/install.log"; then
        grep -A20 " \(ERROR\|CRITICAL\) " "$LOG/install.log" | head -60 >&2
        dropdb --if-exists "$TEMPLATE"
        die "installing sales_lead_sop failed (full log: $LOG/install.log)"
    fi
    # Odoo only warns when demo data fails; the end-to-end tests need it, so it is an error here.
    if [ "$(psql -d "$TEMPLATE" -Atc "select demo from ir_module_module where name='sales_lead_sop'")" != t ]; then
        dropdb --if-exists "$TEMPLATE"
        die "the demo data of sales_lead_sop failed to load (full log: $LOG/install.log)"
    fi
fi
step "copying $TEMPLATE to $DB"
"$PY" "$ODOO_BIN" db --addons-path="$ADDONS_PATH" duplicate --force "$TEMPLATE" "$DB" >/dev/null 2>"$LOG/copy.log" ||
    die "copying $TEMPLATE to $DB failed (log: $LOG/copy.log)"

step "pytest: addon tests and end-to-end tests"
export SOP_TEST_DB="$DB" SOP_ODOO_BIN="$ODOO_BIN" SOP_ADDONS_PATH="$ADDONS_PATH" SOP_PYTHON="$PY"
if [ $# -eq 0 ]; then
    set -- sales_lead_sop/tests tests
    # Odoo's own suites, run with our addon installed: installing us must not break them.
    [ "${SOP_SKIP_ODOO_TESTS:-0}" = 1 ] || set -- "$@" "$ODOO_SRC/addons/sales_team/tests" "$ODOO_SRC/addons/crm/tests"
fi
exec "$PY" -m pytest -p no:cacheprovider --odoo-database="$DB" --odoo-addons-path="$ADDONS_PATH" \
    --odoo-http --odoo-log-level=warn "$@"
