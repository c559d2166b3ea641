"""Benchmark of the pools (issue 5) on a bench database filled by bench/generate.py.

    bash bench/bench_pool.sh --db sop_bench [--claims 200]

Measures, each step in its own process so peak memory is the step's own:
- reset:   (setup, not a measure) 30 % of the customers private, 10 % of all due, no history;
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
import subprocess
import sys
import time

from bench_common import env_for as _env
from bench_common import peak_rss_mib as _peak_rss_mib
from bench_common import percentiles as _percentiles

import odoo
from odoo import fields


def _cpu_seconds(cr):
    """CPU seconds used so far by this process and by its PostgreSQL backend (same host):
    set against the wall time they tell how much of it was spent waiting for a shared CPU."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat") as stat:
            ticks = stat.read().rsplit(")", 1)[1].split()
        backend = (int(ticks[11]) + int(ticks[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        backend = 0.0
    return usage.ru_utime + usage.ru_stime, backend


def _cpu_report(cr, before):
    after = _cpu_seconds(cr)
    return {
        "odoo_cpu_s": round(after[0] - before[0], 1),
        "postgres_cpu_s": round(after[1] - before[1], 1),
        "load_avg_1m": round(os.getloadavg()[0], 1),
    }


# Share of all customers given an owner, and share of all customers due today, by `reset`.
RESET_PRIVATE = 0.3
RESET_DUE = 0.1
# Reps taking turns in the claim steps (server side and JSON-RPC alike).
CLAIM_REPS = 10


def step_reset(registry, db):
    """Put the pools back in a known state, whatever earlier runs did: 30 % of the customers
    private (spread over the bench reps), 10 % of all due (last contact older than their group
    allows), no history, runs or warnings; recycle dates are left to the `refresh` step.
    Deterministic (pseudo-random by id, dates relative to today), so successive runs measure
    the same work, and a reset on the day of a run only rewrites what the run moved."""
    import psycopg2  # noqa: PLC0415 - VACUUM needs autocommit

    started = time.monotonic()
    with registry.cursor() as cr:
        cr.execute("DELETE FROM mail_activity WHERE res_model = 'res.partner'")
        cr.execute("DELETE FROM sop_pool_history")
        cr.execute("DELETE FROM sop_recycle_run")
        cr.execute("SELECT count(*) FROM res_partner WHERE sop_managed")
        total = cr.fetchone()[0]
        cr.execute(
            """SELECT count(*) FILTER (WHERE g.code <> 'bulk'),
                      count(*) FILTER (WHERE g.code <> 'bulk' AND g.recycle_days > 0)
                 FROM res_partner p JOIN sop_customer_group g ON g.id = p.sop_group_id
                WHERE p.sop_managed"""
        )
        eligible, recyclable = cr.fetchone()
        private_cut = int(1000 * RESET_PRIVATE * total / eligible)
        due_cut = int(1000 * RESET_DUE * total / (recyclable * private_cut / 1000))
        cr.execute(
            """WITH reps AS (SELECT array_agg(id ORDER BY id) AS ids FROM res_users
                              WHERE login LIKE 'bench_rep_%%'),
                    c AS (SELECT p.id, g.recycle_days,
                                 g.code <> 'bulk' AND (p.id::bigint * 2654435761) %% 1000 < %(private)s
                                     AS private,
                                 (p.id::bigint * 40503) %% 1000 AS h
                            FROM res_partner p JOIN sop_customer_group g ON g.id = p.sop_group_id
                           WHERE p.sop_managed),
                    t AS (SELECT c.id,
                                 CASE WHEN c.private THEN reps.ids[1 + c.id %% array_length(reps.ids, 1)] END
                                     AS owner,
                                 CASE WHEN c.private THEN current_date - 800 END::timestamp AS since,
                                 CASE WHEN c.recycle_days > 0 AND c.h < %(due)s
                                          THEN current_date - (c.recycle_days + 1 + c.h %% 90)::int
                                      ELSE current_date - (c.h %% GREATEST(c.recycle_days, 30))::int
                                 END::timestamp + (c.h * interval '1 minute') AS contact
                            FROM c, reps)
               UPDATE res_partner p
                  SET user_id = t.owner,
                      sop_pool_state = CASE WHEN t.owner IS NULL THEN 'public' ELSE 'private' END,
                      sop_owner_date = t.since,
                      sop_last_contact_date = CASE WHEN t.owner IS NULL THEN p.sop_last_contact_date
                                                   ELSE t.contact END,
                      sop_recycle_warned_date = NULL
                 FROM t
                WHERE t.id = p.id
                  -- rows already as wanted are left alone: a second reset costs little
                  AND (p.user_id IS DISTINCT FROM t.owner
                       OR p.sop_owner_date IS DISTINCT FROM t.since
                       OR (t.owner IS NOT NULL AND p.sop_last_contact_date IS DISTINCT FROM t.contact)
                       OR p.sop_recycle_warned_date IS NOT NULL)""",
            {"private": private_cut, "due": due_cut},
        )
        cr.commit()
    dsn = odoo.sql_db.connection_info_for(db)[1]
    conn = psycopg2.connect(**dsn)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE res_partner")
            cur.execute("VACUUM ANALYZE sop_pool_history")
    finally:
        conn.close()
    return {"seconds": round(time.monotonic() - started, 1)}


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
        cpu = _cpu_seconds(cr)
        started = time.monotonic()
        moved = env["res.partner"]._cron_sop_recycle()
        cr.commit()
        return {
            "customers": total,
            "stored_due": due,
            "recycled": moved,
            "seconds": round(time.monotonic() - started, 1),
            "peak_rss_mib": _peak_rss_mib(),
            **_cpu_report(cr, cpu),
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
        cpu = _cpu_seconds(cr)
        for n, pid in enumerate(ids):
            # the same 10 reps as the rpc step (each rep's first claim also fills its caches)
            uid = reps[n % CLAIM_REPS][0]
            partner = _env(cr, uid)["res.partner"].browse(pid)
            started = time.perf_counter()
            partner.sop_claim()
            cr.commit()
            samples.append(time.perf_counter() - started)
            env.invalidate_all()
        return {**_percentiles(samples), **_cpu_report(cr, cpu)}


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
        for _uid, login in reps[:CLAIM_REPS]:
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
    parser.add_argument(
        "--step", choices=["reset", "refresh", "warn", "recycle", "claim", "rpc"], required=True
    )
    parser.add_argument("--claims", type=int, default=200)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-d", args.db, f"--addons-path={args.addons_path}", "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    if args.step == "reset":
        result = step_reset(registry, args.db)
    elif args.step == "refresh":
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
