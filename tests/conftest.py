"""End-to-end harness: a real odoo-bin process on a free port against the test database.

`make test` exports SOP_TEST_DB, SOP_ODOO_BIN, SOP_ADDONS_PATH and SOP_PYTHON; the
database already has sales_lead_sop with its demo data installed.
"""

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from .jsonrpc import OdooClient

LOG_DIR = Path(__file__).resolve().parent.parent / ".test-logs"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_server():
    """Start odoo-bin, wait until it answers, yield its base URL, stop it at the end."""
    env = {name: os.environ.get(name) for name in ("SOP_TEST_DB", "SOP_ODOO_BIN", "SOP_ADDONS_PATH")}
    missing = [name for name, value in env.items() if not value]
    if missing:
        pytest.fail(f"run the end-to-end tests through `make test` ({', '.join(missing)} not set)")
    port = _free_port()
    LOG_DIR.mkdir(exist_ok=True)
    log = open(LOG_DIR / "e2e-server.log", "w")  # noqa: SIM115 - closed after the server stops
    cmd = [
        os.environ.get("SOP_PYTHON", "python3"),
        env["SOP_ODOO_BIN"],
        f"--addons-path={env['SOP_ADDONS_PATH']}",
        "-d",
        env["SOP_TEST_DB"],
        f"--db-filter=^{env['SOP_TEST_DB']}$",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--max-cron-threads=0",
        "--workers=0",
        "--log-level=warn",
    ]
    process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"odoo-bin exited with {process.returncode}; see {log.name}")
            try:
                if requests.get(base_url + "/web/login", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass  # not listening yet, or still loading its registry (slow under load)
            if time.monotonic() > deadline:
                pytest.fail(f"odoo-bin did not answer on {base_url} within 120 s; see {log.name}")
            time.sleep(0.5)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def connect(odoo_server):
    """`connect(login)` returns a client logged in as that demo user (password = login)."""

    def _connect(login, password=None):
        client = OdooClient(odoo_server, os.environ["SOP_TEST_DB"])
        return client.login(login, password or login)

    return _connect
