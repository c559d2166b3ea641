#!/usr/bin/env bash
# `make demo`: set up what is missing, create the demo database once, serve it.
source "$(dirname "$0")/env.sh"
setup_all
DB=${SOP_DEMO_DB:-sop_demo}
PORT=${SOP_DEMO_PORT:-8069}
ensure_demo_db "$DB"
cat <<MSG

Sales Lead SOP demo on http://localhost:$PORT  (database $DB)
  login / password
  admin     / admin      sales administrator
  wang.fang / wang.fang  team manager, Export Team 外贸一部 (中文)
  chen.jie  / chen.jie   team manager, Domestic Team 内贸部
  li.wei    / li.wei     sales rep, Export Team (中文)
  zhang.min / zhang.min  sales rep, Export Team
  liu.yang  / liu.yang   sales rep, Domestic Team
  zhao.li   / zhao.li    sales support
Stop with Ctrl-C.
MSG
exec "$PY" "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^$DB\$" \
    --http-interface=127.0.0.1 --http-port="$PORT" --log-level=warn
