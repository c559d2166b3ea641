#!/usr/bin/env bash
# `make test`: set up what is missing, lint, install the addon with demo data once in a
# template database, then run every test: the addon's server-side tests, and beside them
# (on another copy) the browser tours, the end-to-end tests in tests/ against a real odoo-bin
# process, and Odoo's own crm, sales_team and calendar tests with our addon installed.
# Any failure makes it exit non-zero. Arguments replace the default test paths (one session).
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
copy_template() {  # copy_template DB: a fresh copy of the template (database and filestore)
    "$PY" "$ODOO_BIN" db --addons-path="$ADDONS_PATH" duplicate --force "$TEMPLATE" "$1" >/dev/null 2>"$LOG/copy-$1.log" ||
        die "copying $TEMPLATE to $1 failed (log: $LOG/copy-$1.log)"
}

run_pytest() {  # run_pytest DB PATHS...: one pytest session against its own copy of the template
    local db=$1
    shift
    SOP_TEST_DB="$db" "$PY" -m pytest -p no:cacheprovider --odoo-database="$db" --odoo-addons-path="$ADDONS_PATH" \
        --odoo-http --odoo-log-level=warn "$@"
}

export SOP_ODOO_BIN="$ODOO_BIN" SOP_ADDONS_PATH="$ADDONS_PATH" SOP_PYTHON="$PY" PYTHONUNBUFFERED=1
if [ $# -gt 0 ]; then
    step "copying $TEMPLATE to $DB"
    copy_template "$DB"
    step "pytest: $*"
    run_pytest "$DB" "$@"
    exit
fi

# Every test, in two sessions side by side on two copies of the template (they share no
# database): the addon's server-side tests with Odoo's own suites (installing us must not
# break them), and the browser tours with the end-to-end tests (the longer of the two). Each
# line is prefixed by its session; the run fails if either does.
step "copying $TEMPLATE to $DB and ${DB}_b"
copy_template "$DB"
copy_template "${DB}_b"
ODOO_SUITES=()
[ "${SOP_SKIP_ODOO_TESTS:-0}" = 1 ] || ODOO_SUITES=("$ODOO_SRC/addons/sales_team/tests" "$ODOO_SRC/addons/crm/tests" \
    "$ODOO_SRC/addons/calendar/tests")
step "pytest: [server] addon tests, Odoo's suites | [browser] tours, end-to-end tests"
# the packaging and upgrade tests build databases of their own: they balance the server session
PACKAGING=(tests/test_packaging.py tests/test_upgrade.py)
(set -o pipefail; run_pytest "$DB" sales_lead_sop/tests --ignore-glob='*/test_ui_*' "${ODOO_SUITES[@]}" \
    "${PACKAGING[@]}" 2>&1 | sed -u 's/^/[server] /') &
server=$!
(set -o pipefail; run_pytest "${DB}_b" sales_lead_sop/tests/test_ui_*.py tests "${PACKAGING[@]/#/--ignore=}" 2>&1 |
    sed -u 's/^/[browser] /') &
browser=$!
status=0
wait $server || { status=1; echo "the [server] session failed" >&2; }
wait $browser || { status=1; echo "the [browser] session failed" >&2; }
exit $status
