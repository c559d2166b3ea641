"""Screenshots of the main SOP screens, as the demo users, at phone and desktop size.

Used by tools/screenshots.sh, which serves the demo database; run alone as
    python tools/screenshots.py --url http://127.0.0.1:8069 --db sop_demo OUTDIR
Logs in through /web/session/authenticate (python requests), hands the session cookie to a
headless Chromium over the DevTools protocol (websocket-client) and saves one PNG per user,
screen and size: OUTDIR/<login>-<screen>-<width>x<height>.png.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import requests
import websocket

SIZES = [(390, 844), (1440, 900)]
CUSTOMERS = "action-sales_lead_sop.res_partner_action_sop_customers"
# screen name -> path under /odoo/ ("{customer}" is a customer of the user)
SCREENS = {
    "home": "",
    "customers": CUSTOMERS,
    "customer-form": CUSTOMERS + "/{customer}",
    "public-pool": "action-sales_lead_sop.res_partner_action_sop_public",
    "leads": "action-crm.crm_lead_all_leads",
    "lead-pools": "action-sales_lead_sop.crm_lead_action_sop_pool_leads",
    "pipeline": "action-crm.crm_lead_action_pipeline",
    "kpi-scorecard": "action-sales_lead_sop.sop_kpi_scorecard_action",
    "check-before-entry": "action-sales_lead_sop.sop_duplicate_check_action",
    "handover": "action-sales_lead_sop.sop_handover_action",
    "to-review": "action-sales_lead_sop.res_partner_action_sop_to_review",
    "claim-requests": "action-sales_lead_sop.sop_claim_request_action",
    "settings-crm": "action-crm.crm_config_settings_action",  # the SOP's first steps come first
}
REP = ["home", "customers", "customer-form", "public-pool", "leads", "lead-pools", "pipeline"]
REP += ["kpi-scorecard", "check-before-entry"]
USERS = {
    "li.wei": REP,  # rep, Chinese
    "zhang.min": REP,  # rep, English
    "wang.fang": ["home", "customers", "customer-form", "to-review", "pipeline", "kpi-scorecard", "handover"],
    "zhao.li": ["home", "customers", "claim-requests", "check-before-entry"],
    "admin": ["home", "customers", "customer-form", "pipeline", "kpi-scorecard", "handover", "settings-crm"],
}
READY_JS = """(() => {
    if (document.readyState !== 'complete') return false;
    if (document.querySelector('.o_loading_indicator, .o_blockUI, .o-main-components-container .o_spinner'))
        return false;
    return !!document.querySelector('.o_action_manager .o_action, .o_action_manager .o_view_controller');
})()"""


class Cdp:
    """Just enough of the DevTools protocol: one page, commands answered in order."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.errors = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == "Runtime.exceptionThrown":
                self.errors.append(msg["params"]["exceptionDetails"].get("text", "error"))
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})


def start_chromium(profile):
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        sys.exit("error: no chromium on PATH")
    args = [exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1", f"--user-data-dir={profile}", "--no-first-run",
            "--hide-scrollbars", "about:blank"]  # fmt: skip
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = Path(profile, "DevToolsActivePort")
    for _ in range(150):
        if port_file.exists() and port_file.read_text().strip():
            port = port_file.read_text().split()[0]
            break
        time.sleep(0.2)
    else:
        proc.kill()
        sys.exit("error: chromium did not start")
    pages = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
    page = next(p for p in pages if p.get("type") == "page")
    return proc, page["webSocketDebuggerUrl"]


def login(url, db, user):
    session = requests.Session()
    password = user  # every demo password is the login
    answer = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}},
        timeout=60,
    ).json()
    if answer.get("error") or not answer.get("result", {}).get("uid"):
        sys.exit(f"error: cannot log in as {user}: {answer.get('error')}")
    return session, answer["result"]["uid"]


def a_customer(url, session, uid):
    """A customer of the user (any SOP customer for users who own none)."""
    for domain in ([("user_id", "=", uid)], []):
        ids = session.post(
            f"{url}/web/dataset/call_kw",
            json={"jsonrpc": "2.0", "params": {"model": "res.partner", "method": "search", "args": [
                [("sop_managed", "=", True), ("parent_id", "=", False), *domain]], "kwargs": {"limit": 1}}},
            timeout=60,
        ).json().get("result")  # fmt: skip
        if ids:
            return ids[0]
    return None


def shoot(cdp, url, path, width, height, out):
    cdp.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
             mobile=width < 768)  # fmt: skip
    cdp.call("Emulation.setTouchEmulationEnabled", enabled=width < 768)
    cdp.errors.clear()
    cdp.call("Page.navigate", url=f"{url}/odoo/{path}".rstrip("/"))
    deadline = time.monotonic() + 30
    time.sleep(1)
    while time.monotonic() < deadline:
        if cdp.call("Runtime.evaluate", expression=READY_JS, returnByValue=True)["result"].get("value"):
            break
        time.sleep(0.3)
    time.sleep(1.5)  # let fonts, avatars and the last rendering settle
    shot = cdp.call("Page.captureScreenshot", format="png")["data"]
    out.write_bytes(base64.b64decode(shot))
    landed = cdp.call("Runtime.evaluate", expression="location.pathname", returnByValue=True)["result"][
        "value"
    ]
    return landed, list(cdp.errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--users", default=",".join(USERS), help="comma-separated demo logins")
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    host = urlparse(args.url).hostname
    profile = tempfile.mkdtemp(prefix="sop-shots-")
    proc, ws_url = start_chromium(profile)
    problems = 0
    try:
        cdp = Cdp(ws_url)
        cdp.call("Page.enable")
        cdp.call("Runtime.enable")
        cdp.call("Network.enable")
        for user in args.users.split(","):
            session, uid = login(args.url, args.db, user)
            cdp.call("Network.clearBrowserCookies")
            cdp.call("Network.setCookie", name="session_id", value=session.cookies["session_id"], domain=host,
                     path="/", httpOnly=True)  # fmt: skip
            customer = a_customer(args.url, session, uid)
            for screen in USERS[user]:
                path = SCREENS[screen].format(customer=customer)
                for width, height in SIZES:
                    target = out / f"{user}-{screen}-{width}x{height}.png"
                    landed, errors = shoot(cdp, args.url, path, width, height, target)
                    note = f"  client errors: {errors}" if errors else ""
                    problems += bool(errors)
                    print(f"{target}  ({landed}){note}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    sys.exit(main())
