# Shared set-up for `make demo`, `make test` and the bench scripts (sourced, not run).
# Each step checks first and does its work only when something is missing, so a
# second run costs seconds. Every failure stops the caller with one clear sentence.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo18}
VENV=${VENV:-$ROOT/.venv}
PGHOST=${PGHOST:-}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-$(id -un)}
export PGPORT PGUSER
[ -n "$PGHOST" ] && export PGHOST

die() { echo "error: $*" >&2; exit 1; }
step() { echo "==> $*"; }

is_root_debian() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }

apt_install() {
    # Installs Debian packages that are missing; runs `apt-get update` once per call.
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    is_root_debian || die "missing system packages: ${missing[*]} (install them, or run as root on Debian)"
    step "installing ${missing[*]}"
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >/dev/null
}

require_odoo() {
    # Odoo is used, never installed from the network: ODOO_SRC or an importable odoo.
    if [ -f "$ODOO_SRC/odoo-bin" ]; then
        ODOO_BIN="$ODOO_SRC/odoo-bin"
        ODOO_ADDONS="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons"
    elif python3 -c "import odoo" 2>/dev/null; then
        ODOO_SRC=$(python3 -c "import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)))")
        ODOO_BIN="$ODOO_SRC/odoo-bin"
        [ -f "$ODOO_BIN" ] || ODOO_BIN=$(command -v odoo)
        ODOO_ADDONS=$(python3 -c "import odoo.addons, os; print(','.join(odoo.addons.__path__))")
    else
        die "no Odoo 18 source found: set ODOO_SRC to an Odoo 18.0 source tree (default /opt/odoo18, where odoo-bin is)."
    fi
    grep -q "18, 0" "$ODOO_SRC/odoo/release.py" 2>/dev/null ||
        die "ODOO_SRC=$ODOO_SRC is not Odoo 18.0 (odoo/release.py says otherwise)."
    ADDONS_PATH="$ODOO_ADDONS,$ROOT"
    export ODOO_SRC ODOO_BIN ADDONS_PATH
}

ensure_venv() {
    # .venv holds Odoo's requirements, Odoo itself (editable) and requirements-dev.txt;
    # a stamp of their contents lets a second run skip all of it.
    local stamp="$VENV/.sop-stamp" want
    want=$(cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements-dev.txt" "$ROOT/tools/constraints.txt" | sha256sum | cut -c1-16)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        PY="$VENV/bin/python"; export PY PATH="$VENV/bin:$PATH"; return 0
    fi
    # psycopg2 and python-ldap build from source against these headers.
    if is_root_debian; then apt_install libpq-dev libldap2-dev libsasl2-dev python3-dev; fi
    step "creating $VENV with Odoo's requirements (first run only)"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    PY="$VENV/bin/python"
    export PIP_CONSTRAINT="$ROOT/tools/constraints.txt" PIP_DISABLE_PIP_VERSION_CHECK=1
    "$PY" -m pip install -q "setuptools<81" wheel
    "$PY" -m pip install -q -r "$ODOO_SRC/requirements.txt"
    "$PY" -m pip install -q --no-deps --no-build-isolation -e "$ODOO_SRC"
    "$PY" -m pip install -q -r "$ROOT/requirements-dev.txt"
    unset PIP_CONSTRAINT
    echo "$want" > "$stamp"
    export PY PATH="$VENV/bin:$PATH"
}

# Our PG* variables name the role we connect as, not the postgres superuser.
as_postgres() { su postgres -c "unset PGUSER PGHOST; $*"; }

pg_ok() { psql -d postgres -Atc "select 1" >/dev/null 2>&1; }

ensure_postgres() {
    # Reachable as $PGUSER, or (root on Debian) install Debian's server, start it, add the role.
    pg_ok && return 0
    if ! is_root_debian || [ -n "$PGHOST" ]; then
        die "PostgreSQL is not reachable at host ${PGHOST:-local socket}, port $PGPORT, user $PGUSER; start it or set PGHOST/PGPORT/PGUSER."
    fi
    apt_install postgresql
    local cluster
    cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
    [ -n "$cluster" ] || die "PostgreSQL is installed but has no cluster (pg_lsclusters is empty); create one with pg_createcluster."
    step "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster start 2>/dev/null || true
    for _ in $(seq 1 30); do as_postgres "psql -Atc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
    as_postgres "psql -Atc \"select 1 from pg_roles where rolname='$PGUSER'\"" | grep -q 1 ||
        as_postgres "createuser --superuser '$PGUSER'"
    pg_ok || die "PostgreSQL is not reachable at host ${PGHOST:-local socket}, port $PGPORT, user $PGUSER even after starting it."
}

ensure_chromium() {
    # Browser tests: Debian's chromium, found by Odoo's browser driver on PATH.
    command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
        command -v google-chrome >/dev/null || apt_install chromium
    # Chinese screens (zh_CN tours, screenshots) need a CJK font, else glyphs render as boxes.
    fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || apt_install fonts-noto-cjk
}

ensure_wkhtmltopdf() {
    # PDF reports (handover list): Odoo renders them with wkhtmltopdf from PATH.
    command -v wkhtmltopdf >/dev/null || apt_install wkhtmltopdf
}

db_exists() { [ "$(psql -d postgres -Atc "select 1 from pg_database where datname='$1'")" = 1 ]; }

module_installed() {
    db_exists "$1" && [ "$(psql -d "$1" -Atc "select state from ir_module_module where name='sales_lead_sop'" 2>/dev/null)" = installed ]
}

odoo() { "$PY" "$ODOO_BIN" --addons-path="$ADDONS_PATH" "$@"; }

addon_hash() {
    # The addon's files, hashed: a database built from other files is built again.
    (cd "$ROOT" && find sales_lead_sop -path sales_lead_sop/tests -prune -o -type f -not -name '*.pyc' -print | sort | xargs cat | sha256sum | cut -c1-16)
}

ensure_demo_db() {
    # The database $1 with the addon and its demo data. Odoo never updates demo records of an
    # installed module, so when the addon's files changed it is built again rather than left half
    # old; the files' hash is kept as the database's comment.
    local db=$1 code
    code="sales_lead_sop $(addon_hash)"
    if module_installed "$db" &&
        [ "$(psql -d postgres -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname='$db'")" = "$code" ]; then
        return 0
    fi
    step "creating database $db with sales_lead_sop and its demo data (first run, or the addon changed)"
    dropdb --if-exists "$db"
    odoo -d "$db" -i sales_lead_sop --stop-after-init --log-level=warn ||
        die "installing sales_lead_sop in $db failed"
    psql -d postgres -qc "COMMENT ON DATABASE \"$db\" IS '$code'"
}

setup_all() {
    require_odoo
    ensure_venv
    ensure_postgres
    ensure_wkhtmltopdf
}
