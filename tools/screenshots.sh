#!/usr/bin/env bash
# Screenshots of the main SOP screens from the demo, as the demo users (li.wei in Chinese,
# zhang.min in English, wang.fang, zhao.li, admin) at 390x844 and 1440x900:
#     bash tools/screenshots.sh [OUTDIR]        (default bench/out/screenshots, gitignored)
# Builds the demo database like `make demo` (SOP_DEMO_DB, default sop_demo), serves it on a free
# port of 127.0.0.1, takes the pictures with headless Chromium (tools/screenshots.py) and stops
# the server. SOP_SHOT_USERS=li.wei,admin limits the users. Exits non-zero on a client error.
source "$(dirname "$0")/env.sh"
setup_all
ensure_chromium
OUT=$(realpath -m "${1:-$ROOT/bench/out/screenshots}")
DB=${SOP_DEMO_DB:-sop_demo}
ensure_demo_db "$DB"
PORT=$("$PY" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
LOG="$ROOT/.test-logs"
mkdir -p "$LOG" "$OUT"
step "serving $DB on http://127.0.0.1:$PORT (log: $LOG/screenshots-server.log)"
"$PY" "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^$DB\$" --http-interface=127.0.0.1 \
    --http-port="$PORT" --log-level=warn --logfile="$LOG/screenshots-server.log" --max-cron-threads=0 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' EXIT
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/web/login" && break
    kill -0 "$server" 2>/dev/null || die "the Odoo server stopped (log: $LOG/screenshots-server.log)"
    sleep 1
done
step "screenshots into $OUT"
"$PY" "$ROOT/tools/screenshots.py" --url "http://127.0.0.1:$PORT" --db "$DB" \
    ${SOP_SHOT_USERS:+--users "$SOP_SHOT_USERS"} "$OUT"
