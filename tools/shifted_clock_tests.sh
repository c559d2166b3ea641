#!/usr/bin/env bash
# Proof that no test depends on the real date: runs tests with the clocks of PostgreSQL and
# of the Odoo/pytest process moved together (Debian's libfaketime) to instants where dates
# are easy to get wrong. For each instant it starts a throw-away PostgreSQL cluster under
# that clock, installs the addon there and runs the tests through tools/test.sh.
# Not part of `make test`.
#
#   bash tools/shifted_clock_tests.sh                       # every instant below, default tests
#   bash tools/shifted_clock_tests.sh "2028-02-29 12:00:00" -- sales_lead_sop/tests/test_cadence.py
#
# Instants are UTC and the clocks keep ticking from them. Default tests: every addon test file
# that reads a clock or a date (freeze_time, now/today, create_date, deltas) and the
# end-to-end tests, which run against a real server; Odoo's own suites are skipped.
source "$(dirname "$0")/env.sh"
setup_all
apt_install faketime

INSTANTS=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do INSTANTS+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
if [ ${#INSTANTS[@]} -eq 0 ]; then
    INSTANTS=(
        "2027-01-31 22:00:00"  # month end in UTC; already 1 February in UTC+8
        "2027-12-31 22:30:00"  # year end in UTC; already 2028 in UTC+8
        "2028-02-29 12:00:00"  # leap day
        "2027-03-31 17:00:00"  # 1 April in UTC+8 (01:00), still 31 March in UTC
        "2027-04-02 10:00:00"  # 1 April in UTC-11 (23:00), already 2 April in UTC
    )
fi
if [ $# -eq 0 ]; then
    # shellcheck disable=SC2046
    set -- $(cd "$ROOT" && grep -lE "freeze_time|now\(\)|today\(\)|create_date|timedelta|relativedelta" \
        sales_lead_sop/tests/test_*.py) tests
fi

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
results=()
status=0
for instant in "${INSTANTS[@]}"; do
    date -u -d "$instant" >/dev/null 2>&1 || die "not a date: $instant"
    dir=$(mktemp -d /tmp/sop-clock-XXXXXX)
    chown postgres "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    step "clock at $instant UTC: PostgreSQL cluster in $dir on port $port"
    su postgres -c "$PG_BIN/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
    # '@' starts the fake clock at the instant and lets it tick (the monotonic clock too: with a
    # real one, libfaketime 0.9.10 makes Python's time.sleep fail with EINVAL).
    # No shared memory: a leftover semaphore of an earlier run must not stop this one.
    fake=(env FAKETIME="@$instant" FAKETIME_DISABLE_SHM=1 TZ=UTC
        LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1)
    su postgres -c "$(printf '%q ' "${fake[@]}") $PG_BIN/pg_ctl -D '$dir/data' -l '$dir/postgres.log' -w \
        -o \"-p $port -k $dir -c listen_addresses=''\" start" >/dev/null
    psql -h "$dir" -p "$port" -U postgres -d postgres -Atc "create role \"$PGUSER\" superuser login" >/dev/null
    seen=$(psql -h "$dir" -p "$port" -d postgres -Atc "select now() at time zone 'UTC'")
    echo "    PostgreSQL says it is $seen"
    set +e
    "${fake[@]}" PGHOST="$dir" PGPORT="$port" SOP_SKIP_LINT=1 SOP_SKIP_ODOO_TESTS=1 \
        SOP_TEST_DB=sop_clock bash "$ROOT/tools/test.sh" "$@" > "$dir/pytest.log" 2>&1
    rc=$?
    set -e
    grep -E "^(FAILED|ERROR) " "$dir/pytest.log" | head -n 40 || true
    summary=$(grep -E "[0-9]+ (passed|failed)" "$dir/pytest.log" | tail -n 1)
    results+=("$instant UTC: exit $rc, ${summary:-no summary (see $dir/pytest.log)}")
    [ "$rc" = 0 ] || status=1
    su postgres -c "$PG_BIN/pg_ctl -D '$dir/data' -m fast stop" >/dev/null
    [ "$rc" = 0 ] && rm -rf "$dir"
done
echo
echo "Shifted-clock results:"
printf '  %s\n' "${results[@]}"
exit $status
