"""Benchmark of the pools (issue 5) on a bench database filled by bench/generate.py.

    bash bench/bench_pool.sh --db sop_bench [--claims 200]

Measures, each step in its own process so peak memory is the step's own:
- refresh: recompute every stored recycle date with the active rules (what a rule change
           costs; also fills the rule of each customer, which the generator leaves empty);
- warn:    the warnings the recycling job gives (activities + notifications), time and count;
- recycle: the recycling job (`_cron_sop_recycle`): re-evaluation of the due customers, then
           the moves in committed batches; wall time and peak RSS of the process;
- claim:   server-side latency of `sop_claim()` (one customer, as a rep, committed), p50/p95;
- rpc:     the same claim over JSON-RPC against a real odoo-bin (round trip included), p50/p95.
The claim steps raise the capacity setting for the bench reps (generated reps hold
~1,500 customers each, far above the default 300) and claim customers never owned.
"""

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api, fields


def _env(cr, uid=SUPERUSER_ID):
    return api.Environment(cr, uid, {})


def _percentiles(samples):
    samples = sorted(samples)
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    return {
        "n": len(samples),
        "p50_ms": round(statistics.median(samples) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
    }


def _peak_rss_mib():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def step_refresh(registry):
    with registry.cursor() as cr:
        env = _env(cr)
        started = time.monotonic()
        env["res.partner"]._sop_update_recycle_date_all()
        cr.commit()
        return {"seconds": round(time.monotonic() - started, 1), "peak_rss_mib": _peak_rss_mib()}


def step_warn(registry):
    with registry.cursor() as cr:
        env = _env(cr)
        started = time.monotonic()
        count = env["res.partner"]._sop_recycle_warn(fields.Date.context_today(env["res.partner"]))
        cr.commit()
        return {
            "warned": count,
            "seconds": round(time.monotonic() - started, 1),
            "peak_rss_mib": _peak_rss_mib(),
        }


def step_recycle(registry):
    with registry.cursor() as cr:
        env = _env(cr)
        today = fields.Date.context_today(env["res.partner"])
        cr.execute(
            "SELECT count(*) FILTER (WHERE sop_recycle_date <= %s), count(*)"
            " FROM res_partner WHERE sop_managed",
            [today],
        )
        due, total = cr.fetchone()
        started = time.monotonic()
        moved = env["res.partner"]._cron_sop_recycle()
        cr.commit()
        return {
            "customers": total,
            "stored_due": due,
            "recycled": moved,
            "seconds": round(time.monotonic() - started, 1),
            "peak_rss_mib": _peak_rss_mib(),
        }


def _claimable(cr, count):
    cr.execute(
        """SELECT p.id FROM res_partner p
            WHERE p.sop_managed AND p.user_id IS NULL AND p.active
              AND NOT EXISTS (SELECT 1 FROM sop_pool_history h WHERE h.partner_id = p.id)
            ORDER BY p.id DESC LIMIT %s""",
        [count],
    )
    return [row[0] for row in cr.fetchall()]


def _bench_reps(cr):
    cr.execute("SELECT id, login FROM res_users WHERE login LIKE 'bench_rep_%%' ORDER BY id")
    return cr.fetchall()


def step_claim(registry, claims):
    with registry.cursor() as cr:
        env = _env(cr)
        env["ir.config_parameter"].set_param("sales_lead_sop.capacity", 1_000_000)
        cr.commit()
        ids = _claimable(cr, claims)
        reps = _bench_reps(cr)
        samples = []
        for n, pid in enumerate(ids):
            uid = reps[n % len(reps)][0]
            partner = _env(cr, uid)["res.partner"].browse(pid)
            started = time.perf_counter()
            partner.sop_claim()
            cr.commit()
            samples.append(time.perf_counter() - started)
            env.invalidate_all()
        return _percentiles(samples)


def step_rpc(registry, claims, addons_path, odoo_bin, db):
    import requests  # noqa: PLC0415 - only this step talks HTTP

    with registry.cursor() as cr:
        ids = _claimable(cr, claims)
        reps = _bench_reps(cr)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            odoo_bin,
            f"--addons-path={addons_path}",
            "-d",
            db,
            f"--db-filter=^{db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            "--max-cron-threads=0",
            "--workers=0",
            "--log-level=warn",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if requests.get(base + "/web/login", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        sessions = []
        for _uid, login in reps[:10]:
            session = requests.Session()
            session.post(
                base + "/web/session/authenticate",
                json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": "bench"}},
                timeout=60,
            ).raise_for_status()
            sessions.append(session)
        samples = []
        for n, pid in enumerate(ids):
            payload = {
                "jsonrpc": "2.0",
                "method": "call",
                "id": n,
                "params": {"model": "res.partner", "method": "sop_claim", "args": [[pid]], "kwargs": {}},
            }
            started = time.perf_counter()
            body = (
                sessions[n % len(sessions)]
                .post(base + "/web/dataset/call_kw", json=payload, timeout=60)
                .json()
            )
            samples.append(time.perf_counter() - started)
            if "error" in body:
                raise RuntimeError(body["error"])
        return _percentiles(samples)
    finally:
        server.terminate()
        server.wait(30)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--step", choices=["refresh", "warn", "recycle", "claim", "rpc"], required=True)
    parser.add_argument("--claims", type=int, default=200)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-d", args.db, f"--addons-path={args.addons_path}", "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    if args.step == "refresh":
        result = step_refresh(registry)
    elif args.step == "warn":
        result = step_warn(registry)
    elif args.step == "recycle":
        result = step_recycle(registry)
    elif args.step == "claim":
        result = step_claim(registry, args.claims)
    else:
        result = step_rpc(registry, args.claims, args.addons_path, args.odoo_bin, args.db)
    print(json.dumps({"step": args.step, **result}))
    os._exit(0)


if __name__ == "__main__":
    main()
