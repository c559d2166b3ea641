"""Cost of the SOP record rules (issue 7) on a bench database filled by bench/generate.py.

    bash bench/bench_access.sh --db sop_bench [--runs 20] [--rep bench_rep_000]
        [--list customers|contacts] [--cold-rules]

Times the rep's "My customers" list as the web client asks for it (web_search_read of the
Customers action: SOP companies of the rep, first page of 80, default order, with the
count), server side, once as the rep (record rules applied) and once as the administrator
(no rules) with the same domain. `--list contacts` times the Contacts app instead (every
partner the user may see, no filter). Reports p50/p95 of each and their ratio; the target of
issue 7 is a ratio below 1.5.
"""

import argparse
import json
import statistics
import time

import odoo
from odoo import SUPERUSER_ID, api


def _stats(samples):
    samples = sorted(samples)
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    return {"p50_ms": round(statistics.median(samples) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def _time_list(env, domain, runs, cold_rules=False):
    Partner = env["res.partner"].with_context(active_test=True)
    spec = {"display_name": {}, "email": {}, "phone": {}, "user_id": {"fields": {"display_name": {}}}}
    samples = []
    for _run in range(runs + 2):
        env.invalidate_all()
        if cold_rules:
            env.registry.clear_cache()  # rebuild the rule domains (cached per user between requests)
        started = time.perf_counter()
        result = Partner.web_search_read(domain, spec, limit=80, count_limit=10001)
        samples.append(time.perf_counter() - started)
    return result["length"], _stats(samples[2:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--rep", default="bench_rep_000")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--list",
        choices=["customers", "contacts"],
        default="customers",
        help="customers: the rep's SOP companies (My customers); contacts: every partner (Contacts app)",
    )
    parser.add_argument(
        "--cold-rules", action="store_true", help="clear Odoo's caches before each request (rules rebuilt)"
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(["--addons-path", args.addons_path, "-d", args.db])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        admin_env = api.Environment(cr, SUPERUSER_ID, {})
        rep = admin_env["res.users"].search([("login", "=", args.rep)])
        if not rep:
            raise SystemExit(f"no user {args.rep} in {args.db}")
        domain = [("sop_managed", "=", True), ("parent_id", "=", False), ("user_id", "=", rep.id)]
        if args.list == "contacts":
            domain = []  # each user sees what the record rules let through
        admin = admin_env.ref("base.user_admin")
        rep_count, rep_stats = _time_list(api.Environment(cr, rep.id, {}), domain, args.runs, args.cold_rules)
        admin_count, admin_stats = _time_list(
            api.Environment(cr, admin.id, {}), domain, args.runs, args.cold_rules
        )
        if args.list == "customers":
            assert rep_count == admin_count, (rep_count, admin_count)
        total = admin_env["res.partner"].search_count([("sop_managed", "=", True)])
        print(
            json.dumps(
                {
                    "sop_customers": total,
                    "list": args.list,
                    "rep_rows": rep_count,
                    "admin_rows": admin_count,
                    "rep": rep_stats,
                    "admin": admin_stats,
                    "ratio_p50": round(rep_stats["p50_ms"] / admin_stats["p50_ms"], 2),
                },
                indent=1,
            )
        )
        cr.rollback()


if __name__ == "__main__":
    main()
