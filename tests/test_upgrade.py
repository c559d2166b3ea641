"""An upgrade from the previous release to the current code keeps every record.

The previous release is commit PREVIOUS_RELEASE (manifest 18.0.1.2.0). Its addon is taken from
git history (`git archive`), installed with its demo data in a fresh database, then the database
is upgraded (`-u sales_lead_sop`) with the working tree's addon, which runs the scripts of
sales_lead_sop/migrations/ newer than the installed version (18.0.1.3.0/ here). Every row
of the SOP's tables and of the core tables it extends must still be there, with its owner.
When a release is made, PREVIOUS_RELEASE moves to it.
"""

import ast
import io
import os
import re
import subprocess
import tarfile
import time
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(__file__).resolve().parent.parent
PREVIOUS_RELEASE = "03e0d3a"
# Core tables the SOP adds rows or columns to, with the columns whose values must survive.
CORE_TABLES = {
    "res_partner": "user_id, sop_managed, sop_pool_state, sop_code, sop_grade, sop_group_id, active",
    "crm_lead": "user_id, team_id, type, partner_id, active",
    "crm_team": "user_id, sop_use_pipeline, active",
    "crm_team_member": "user_id, crm_team_id",
    "res_users": "login, partner_id, active",
    "crm_stage": "name",
    "utm_source": "name",
    "mail_alias": "alias_name, alias_model_id",
    "mail_message": "model, res_id",
    "mail_activity": "res_model, res_id, user_id",
}


def odoo(env, db, addons_path, data_dir, *args, log):
    cmd = [env["SOP_PYTHON"], env["SOP_ODOO_BIN"], f"--addons-path={addons_path}", f"--data-dir={data_dir}"]
    cmd += ["-d", db, "--stop-after-init", "--log-level=warn", f"--logfile={log}", *args]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    text = Path(log).read_text() if Path(log).exists() else ""
    errors = [line for line in text.splitlines() if re.search(r" (ERROR|CRITICAL) ", line)]
    assert result.returncode == 0 and not errors, (
        f"{' '.join(args)} failed (log {log}): {errors[:5] or result.stderr[-2000:]}"
    )


def snapshot(db):
    """{table: {id: row}} for the SOP's own tables (ids only) and CORE_TABLES (with their columns)."""
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        cr.execute(
            """SELECT m.model FROM ir_model m JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
                WHERE d.module = 'sales_lead_sop' AND NOT m.transient"""
        )
        own = [model.replace(".", "_") for (model,) in cr.fetchall()]
        cr.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_type = 'BASE TABLE' AND table_name = ANY(%s)",
            [own],
        )
        tables = {table: "1" for (table,) in cr.fetchall()} | CORE_TABLES
        rows = {}
        for table, columns in tables.items():
            cr.execute(f'SELECT id, {columns} FROM "{table}"')  # noqa: S608 - names from the catalog above
            rows[table] = {row[0]: row[1:] for row in cr.fetchall()}
    conn.close()
    return rows


def test_upgrade_from_the_previous_release_keeps_every_record(tmp_path):
    env = {
        name: os.environ.get(name)
        for name in ("SOP_TEST_DB", "SOP_ODOO_BIN", "SOP_ADDONS_PATH", "SOP_PYTHON")
    }
    if not all(env.values()):
        pytest.fail("run through `make test` (SOP_TEST_DB, SOP_ODOO_BIN, SOP_ADDONS_PATH, SOP_PYTHON)")
    archive = subprocess.run(
        ["git", "-C", ROOT, "archive", "--format=tar", PREVIOUS_RELEASE, "sales_lead_sop"],
        capture_output=True,
        check=False,
    )
    if archive.returncode:
        pytest.skip(
            f"no git history with the previous release {PREVIOUS_RELEASE} (a source archive or a shallow "
            f"clone): the upgrade from it cannot be built. git said: {archive.stderr.decode().strip()}"
        )
    previous = tmp_path / "previous"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(previous, filter="data")
    previous_version = ast.literal_eval((previous / "sales_lead_sop" / "__manifest__.py").read_text())[
        "version"
    ]
    current_version = ast.literal_eval((ROOT / "sales_lead_sop" / "__manifest__.py").read_text())["version"]
    assert previous_version == "18.0.1.2.0"

    odoo_addons = ",".join(
        p for p in env["SOP_ADDONS_PATH"].split(",") if not (Path(p) / "sales_lead_sop").is_dir()
    )
    db = f"{env['SOP_TEST_DB']}_upgrade"
    logs = ROOT / ".test-logs"
    logs.mkdir(exist_ok=True)
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    started = time.monotonic()
    try:
        odoo(
            env,
            db,
            f"{odoo_addons},{previous}",
            tmp_path,
            "-i",
            "sales_lead_sop",
            log=logs / "upgrade-previous.log",
        )
        installed = time.monotonic()
        before = snapshot(db)
        assert len(before["res_partner"]) > 50 and len(before["crm_lead"]) > 20, (
            "the previous release's demo data"
        )
        odoo(
            env,
            db,
            f"{odoo_addons},{ROOT}",
            tmp_path,
            "-u",
            "sales_lead_sop",
            log=logs / "upgrade-current.log",
        )
        upgraded = time.monotonic()
        (logs / "upgrade-times.txt").write_text(
            f"install {PREVIOUS_RELEASE}: {installed - started:.1f} s\n"
            f"upgrade: {upgraded - installed:.1f} s\n"
        )
        after = snapshot(db)
        with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
            cr.execute("SELECT state, latest_version FROM ir_module_module WHERE name = 'sales_lead_sop'")
            assert cr.fetchone() == ("installed", current_version)
        conn.close()
    finally:
        subprocess.run(["dropdb", "--if-exists", db], check=False)
    for table, rows in before.items():
        assert table in after, f"table {table} is gone"
        lost = sorted(set(rows) - set(after[table]))
        assert not lost, f"{table}: {len(lost)} rows lost, ids {lost[:10]}"
        changed = sorted(row_id for row_id, values in rows.items() if after[table][row_id] != values)
        assert not changed, f"{table}: rows changed by the upgrade, ids {changed[:10]}"
