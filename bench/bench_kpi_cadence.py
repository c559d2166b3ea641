"""Time the KPI scorecard of a month (all reps) and its day view, the source/campaign report
of a year, the nightly cadence/alert job and the deadline reminders, on a database filled by
bench/generate.py.

    bash bench/bench_kpi_cadence.sh --db sop_bench [--month 2026-10-01]

Reports run as the superuser through the ORM (read_group / search_read on the SQL views);
the nightly job's peak memory is the process's max RSS growth during the run.
"""

import argparse
import resource
import time
from datetime import date, timedelta

import odoo
from odoo import SUPERUSER_ID, api


def _rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bench_scorecard(env, scorecard, when):
    start = time.perf_counter()
    # what the list view reads: every stored figure plus the missed targets
    fields = [name for name, field in scorecard._fields.items() if field.store and name != "id"]
    rows = scorecard.search_read([("month", "=", when)], [*fields, "missed_target_count", "missed_targets"])
    print(f"scorecard {when}: {len(rows)} rows in {time.perf_counter() - start:.2f} s")

    manager = env["res.users"].search([("login", "=like", "bench_mgr_%")], limit=1)
    if manager:
        start = time.perf_counter()
        rows = scorecard.with_user(manager).search_read([("month", "=", when)], fields)
        print(
            f"scorecard {when} as {manager.login} (team rule): {len(rows)} rows "
            f"in {time.perf_counter() - start:.2f} s"
        )

    start = time.perf_counter()
    # what the pivot reads: totals per team with the rates recomputed from them
    groups = scorecard.read_group(
        [("month", "=", when)],
        ["lead_count:sum", "won_amount:sum", "coverage_rate:avg", "lead_customer_rate:avg"],
        ["team_id"],
    )
    print(f"scorecard {when} per team (pivot): {len(groups)} groups in {time.perf_counter() - start:.2f} s")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--month", default=None, help="first day of the month (default: last month)")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-d", args.db, f"--addons-path={args.addons_path}", "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    today = date.today()
    month = (
        date.fromisoformat(args.month)
        if args.month
        else (today.replace(day=1) - date.resolution).replace(day=1)
    )
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        counts = {
            "customers": env["res.partner"].search_count([("sop_managed", "=", True)]),
            "leads": env["crm.lead"].with_context(active_test=False).search_count([]),
            "reps": env["res.users"].search_count([("login", "=like", "bench_rep_%")]),
        }
        print("data:", counts)

        scorecard = env["sop.kpi.scorecard"]
        # a closed month and the current one (still being filled, its pages the most recently written)
        for when in dict.fromkeys([month, today.replace(day=1)]):
            _bench_scorecard(env, scorecard, when)

        # the day view of the scorecard (daily quotas): today and yesterday, every rep
        day = env["sop.kpi.scorecard.day"]
        for when in (today, today - timedelta(days=1)):
            start = time.perf_counter()
            rows = day.search_read(
                [("day", "=", when)],
                [
                    "user_id",
                    "team_id",
                    "followup_count",
                    "followup_target",
                    "customer_count",
                    "missed_target_count",
                ],
            )
            print(f"daily scorecard {when}: {len(rows)} rows in {time.perf_counter() - start:.2f} s")

        start = time.perf_counter()
        groups = env["sop.campaign.report"].read_group(
            [
                ("date", ">=", month.replace(month=1, day=1)),
                ("date", "<", month.replace(month=1, day=1, year=month.year + 1)),
            ],
            [
                "lead_count:sum",
                "valid_lead_count:sum",
                "customer_count:sum",
                "opportunity_count:sum",
                "opportunity_amount:sum",
                "won_amount:sum",
                "lead_customer_rate:avg",
                "customer_opportunity_rate:avg",
                "opportunity_won_rate:avg",
            ],
            ["source_id", "campaign_id"],
            lazy=False,
        )
        print(f"campaign report {month.year}: {len(groups)} groups in {time.perf_counter() - start:.2f} s")

        rss_before = _rss_mib()
        start = time.perf_counter()
        changed = env["res.partner"]._cron_sop_cadence_alerts()
        print(
            f"nightly cadence job: {changed} alerts changed in {time.perf_counter() - start:.2f} s, "
            f"max RSS {_rss_mib():.0f} MiB (+{_rss_mib() - rss_before:.0f} MiB)"
        )
        start = time.perf_counter()
        reminded = env["crm.lead"]._cron_sop_deadline_reminders()
        print(f"deadline reminders: {reminded} planned in {time.perf_counter() - start:.2f} s")
        cr.rollback()


if __name__ == "__main__":
    main()
