"""The addon ships as OCA addons do: a wheel built by whool, installed by pip beside Odoo.

Builds odoo-addon-sales_lead_sop from the working tree, installs it with pip into a new
virtualenv that sees Odoo and its requirements (the test venv's site-packages, as a system
Odoo would be seen) but not this repository, and installs the module from it into a fresh
database with an addons path that holds Odoo's own addons only. Offline: every dependency of
the wheel must already be installed, as pip then finds it satisfied.
"""

import ast
import os
import re
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import psycopg2
import pytest
import tomllib

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "sales_lead_sop"
LOG_DIR = ROOT / ".test-logs"


def manifest_version():
    return ast.literal_eval((ADDON / "__manifest__.py").read_text())["version"]


def odoo_env():
    names = ("SOP_TEST_DB", "SOP_ODOO_BIN", "SOP_ADDONS_PATH")
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        pytest.fail(f"run through `make test` ({', '.join(missing)} not set)")
    return {name: os.environ[name] for name in names}


def odoo_addons_only(addons_path):
    """The addons path without any directory that holds this addon: Odoo's own addons."""
    return ",".join(path for path in addons_path.split(",") if not (Path(path) / "sales_lead_sop").is_dir())


def run(cmd, log, **kwargs):
    """Run cmd with its output in log; fail with the log's tail when it fails."""
    with open(log, "w") as out:
        result = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, check=False, **kwargs)
    if result.returncode:
        tail = "\n".join(Path(log).read_text().splitlines()[-30:])
        pytest.fail(f"{' '.join(map(str, cmd))} exited with {result.returncode}:\n{tail}")


def test_versions_agree():
    """The manifest is the one source of the version; pyproject.toml and CHANGELOG.md follow it."""
    version = manifest_version()
    root_project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert root_project["version"] == version
    addon_project = tomllib.loads((ADDON / "pyproject.toml").read_text())
    assert addon_project["project"] == {"name": "odoo-addon-sales_lead_sop", "dynamic": ["version"]}
    assert addon_project["build-system"]["build-backend"] == "whool.buildapi"
    first_release = re.search(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(), re.M)
    assert first_release and first_release.group(1) == version, "CHANGELOG.md starts with the current version"


def test_addon_readme_is_generated_from_the_fragments():
    """sales_lead_sop/README.md (the wheel's description) is tools/addon_readme.py's output."""
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md", "CONTRIBUTORS.md"):
        assert (ADDON / "readme" / fragment).read_text().strip(), fragment
    check = subprocess.run(
        [sys.executable, ROOT / "tools" / "addon_readme.py", "--check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


def test_description_page_shows_screenshots_in_both_languages_and_sizes():
    """static/description/index.html (the Apps page) shows the demo's screens, small PNGs."""
    description = ADDON / "static" / "description"
    sources = re.findall(r'<img src="([^"]+)"', (description / "index.html").read_text())
    for source in sources:
        picture = description / source
        assert picture.is_file(), source
        assert picture.stat().st_size < 120_000, f"{source}: keep screenshots small"
    for lang in ("en", "zh"):
        for size in ("desktop", "phone"):
            assert [
                s for s in sources if s.startswith(f"screenshots/{lang}-") and s.endswith(f"-{size}.png")
            ], (lang, size)
    assert (description / "icon.png").is_file()


def test_wheel_installs_with_pip_and_the_module_installs_from_it(tmp_path):
    env = odoo_env()
    LOG_DIR.mkdir(exist_ok=True)
    times = {}

    started = time.monotonic()
    dist = tmp_path / "dist"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-w", dist, ADDON],
        LOG_DIR / "packaging-wheel.log",
        cwd=tmp_path,
    )
    times["wheel build"] = time.monotonic() - started
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"odoo_addon_sales_lead_sop-{manifest_version()}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"odoo_addon_sales_lead_sop-{manifest_version()}.dist-info/METADATA").decode()
    assert "odoo/addons/sales_lead_sop/__manifest__.py" in names
    assert "odoo/addons/sales_lead_sop/static/description/index.html" in names
    assert not [name for name in names if name.endswith((".pyc", "pyproject.toml"))]
    assert "Description-Content-Type: text/markdown" in metadata and "## Configuration" in metadata
    requires = set(re.findall(r"^Requires-Dist: (.+)$", metadata, re.M))
    assert requires == {"odoo==18.0.*", "phonenumbers", "anyascii"}, (
        "Odoo's series and the manifest's Python dependencies"
    )

    # A clean virtualenv that sees Odoo and its requirements, as a system-wide Odoo would be
    # seen with --system-site-packages (this interpreter is itself a venv, whose "system" is
    # the bare Python, hence the .pth that adds the test venv's site-packages).
    started = time.monotonic()
    venv = tmp_path / "venv"
    # without its own pip (ensurepip is most of a venv's creation time): this pip installs into it
    run([sys.executable, "-m", "venv", "--without-pip", venv], LOG_DIR / "packaging-venv.log")
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site_packages / "odoo_beside.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n"
    )
    pip = [sys.executable, "-m", "pip", "--python", python]
    run([*pip, "install", "--no-index", wheel], LOG_DIR / "packaging-pip.log")
    times["pip install"] = time.monotonic() - started
    installed = subprocess.check_output([*pip, "show", "-f", "odoo-addon-sales_lead_sop"], text=True)
    assert f"Version: {manifest_version()}" in installed
    assert f"Location: {site_packages}" in installed

    addons_path = odoo_addons_only(env["SOP_ADDONS_PATH"])
    where = subprocess.check_output(
        [
            python,
            "-c",
            "import sys; from odoo.tools import config; config.parse_config(sys.argv[1:]); "
            "from odoo.modules.module import get_module_path, initialize_sys_path; "
            "initialize_sys_path(); print(get_module_path('sales_lead_sop'))",
            f"--addons-path={addons_path}",
        ],
        text=True,
    ).strip()
    assert where == str(site_packages / "odoo" / "addons" / "sales_lead_sop"), "found in the wheel only"

    db = f"{env['SOP_TEST_DB']}_wheel"
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    log = LOG_DIR / "packaging-install.log"
    started = time.monotonic()
    try:
        run(
            [
                python,
                env["SOP_ODOO_BIN"],
                f"--addons-path={addons_path}",
                f"--data-dir={tmp_path / 'data'}",
                "-d",
                db,
                "-i",
                "sales_lead_sop",
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            ],
            log,
        )
        times["module install (fresh database)"] = time.monotonic() - started
        errors = [line for line in log.read_text().splitlines() if re.search(r" (ERROR|CRITICAL) ", line)]
        assert not errors, errors[:5]
        with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
            cr.execute(
                "SELECT state, latest_version, application FROM ir_module_module"
                " WHERE name = 'sales_lead_sop'"
            )
            assert cr.fetchone() == ("installed", manifest_version(), True)
            cr.execute("SELECT count(*) FROM ir_model WHERE model = 'sop.customer.group'")
            assert cr.fetchone() == (1,)
        conn.close()
    finally:
        subprocess.run(["dropdb", "--if-exists", db], check=False)
        (LOG_DIR / "packaging-times.txt").write_text("".join(f"{k}: {v:.1f} s\n" for k, v in times.items()))
