"""The set-up scripts stop at once with one clear sentence when a prerequisite is missing."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(script, **env):
    # As on a fresh machine: no virtualenv on PATH, so `odoo` is not importable either.
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if ".venv" not in p)
    return subprocess.run(
        ["bash", str(ROOT / "tools" / script)],
        env={**os.environ, "PATH": path, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_odoo_source_names_the_variable(tmp_path):
    for script in ("test.sh", "demo.sh", "screenshots.sh"):
        result = _run(script, ODOO_SRC=str(tmp_path / "no-odoo"))
        assert result.returncode != 0
        assert "set ODOO_SRC" in result.stderr
        assert not (tmp_path / "no-odoo").exists()


def test_unreachable_postgres_names_host_port_and_user():
    result = _run("test.sh", PGHOST="127.0.0.1", PGPORT="1", PGUSER="nobody_sop")
    assert result.returncode != 0
    assert "host 127.0.0.1, port 1, user nobody_sop" in result.stderr
