"""Benchmark of the duplicate check (issue 6) on a bench database filled by bench/generate.py.

    bash bench/bench_duplicate.sh --db sop_bench [--queries 300] [--creates 200]

Steps, each in its own process so peak memory is the step's own:
- keys:   empty the key tables, compute the company-name key of every SOP customer and the
          phone / email / domain rows of every customer and contact in one pass (what install
          costs), then the name keys again (a word-list change writes only the keys that
          change) and the phone / email / domain rows again (must write nothing); wall time,
          rows, peak RSS;
- find:   server-side latency of `sop_find_duplicates` as a rep with a name variant of an
          existing customer, two phones (one existing), an email and a website, p50/p95;
          the same lead's Odoo `duplicate_lead_ids` computation (crm's own check) for the ratio;
- names:  the company-name keys of every customer recomputed after a change of the word lists
          (what the background job does after the gazetteer or an admin's edit: the keys that
          change are rewritten, with their bigrams), then once more (nothing changes);
- keyword: the keyword search of the check before entry (撞单查询 by 字号) as a rep, p50/p95, for
          two-character Chinese keywords, Latin trade names and two-letter Latin keywords,
          against Odoo's native `name ilike` search of the partner list (limit 20);
- create: creating an SOP customer as a rep with the check against the same with the check
          skipped (`sop_skip_duplicate_check`, as a sales administrator), p50 each and the ratio.
Created rows are rolled back; nothing but the keys stays in the database.
"""

import argparse
import json
import os
import random
import time

from bench_common import env_for as _env
from bench_common import peak_rss_mib as _peak_rss_mib
from bench_common import percentiles as _percentiles

import odoo


def _rep(cr):
    cr.execute("SELECT id FROM res_users WHERE login LIKE 'bench_rep_%%' ORDER BY id LIMIT 1")
    row = cr.fetchone()
    if not row:
        raise SystemExit("no bench_rep_* user: fill the database with bench/generate.sh first")
    return row[0]


def step_keys(registry):
    """Install case: every key table emptied first, then the name keys and the contact rows
    computed from scratch in one pass (what the backfill job does after an install or an
    upgrade); then the name keys once more (a word-list change that changes no key: what a
    re-run costs when only the changed keys are written), and the other rows once more
    (nothing may be written)."""
    with registry.cursor() as cr:
        env = _env(cr)
        Partner = env["res.partner"]
        cr.execute("SELECT count(*) FROM res_partner WHERE sop_managed AND parent_id IS NULL")
        customers = cr.fetchone()[0]
        cr.execute("TRUNCATE sop_partner_key, sop_name_key")
        cr.commit()
        started = time.monotonic()
        Partner._sop_recompute_name_keys(from_id=0, with_contact_keys=True)
        install = time.monotonic() - started
        for key in ("name_keys_from_id", "partner_keys_from_id"):
            env["ir.config_parameter"].set_param(f"sales_lead_sop.{key}", "")
        cr.execute("ANALYZE sop_partner_key")
        cr.execute("ANALYZE sop_name_key")
        cr.commit()
        cr.execute("SELECT count(*), max(id) FROM sop_partner_key")
        before = cr.fetchone()
        started = time.monotonic()
        Partner._sop_recompute_name_keys(from_id=0)
        rerun = time.monotonic() - started
        started = time.monotonic()
        Partner._sop_rebuild_all_keys(from_id=0)
        contacts_rerun = time.monotonic() - started
        cr.execute("SELECT count(*), max(id) FROM sop_partner_key")
        if cr.fetchone() != before:
            raise SystemExit("a re-run of the backfill wrote rows")
        cr.execute("SELECT count(*) FILTER (WHERE kind = 'name'), count(*) FROM sop_partner_key")
        name_rows, rows = cr.fetchone()
        cr.execute("SELECT count(*) FROM sop_name_key")
        distinct = cr.fetchone()[0]
        return {
            "customers": customers,
            "all_keys_s": round(install, 1),
            "name_keys_rerun_s": round(rerun, 1),
            "contact_keys_rerun_s": round(contacts_rerun, 1),
            "name_rows": name_rows,
            "distinct_name_keys": distinct,
            "contact_rows": rows - name_rows,
            "peak_rss_mib": _peak_rss_mib(),
        }


def step_names(registry):
    with registry.cursor() as cr:
        env = _env(cr)
        Partner = env["res.partner"]
        cr.execute("SELECT count(*) FROM sop_name_key")
        keys_before = cr.fetchone()[0]
        started = time.monotonic()
        Partner._sop_recompute_name_keys(from_id=0)
        changed = time.monotonic() - started
        started = time.monotonic()
        Partner._sop_recompute_name_keys(from_id=0)
        rerun = time.monotonic() - started
        env["ir.config_parameter"].set_param("sales_lead_sop.name_keys_from_id", "")
        cr.commit()
        cr.execute("SELECT count(*) FROM sop_name_key")
        keys_after = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM sop_name_key_bigram")
        return {
            "word_list_change_s": round(changed, 1),
            "rerun_nothing_changed_s": round(rerun, 1),
            "distinct_keys_before": keys_before,
            "distinct_keys_after": keys_after,
            "bigram_rows": cr.fetchone()[0],
            "peak_rss_mib": _peak_rss_mib(),
        }


def _samples(cr, count):
    """Realistic inputs: a variant of an existing name, its phone plus an unknown one, an email of
    its domain and its website; half the time an unknown company (no match)."""
    rng = random.Random(6)
    cr.execute(
        """SELECT p.name, p.phone, p.email, p.website, c.code FROM res_partner p
             JOIN res_country c ON c.id = p.country_id
            WHERE p.sop_managed AND p.parent_id IS NULL
              AND p.id IN (SELECT id FROM res_partner TABLESAMPLE SYSTEM (1) WHERE sop_managed) LIMIT %s""",
        [count],
    )
    inputs = []
    for name, phone, email, website, _code in cr.fetchall():
        if rng.random() < 0.5:
            name = f"{name} (Branch)" if name.isascii() else f"{name}分公司"
        else:
            name = f"Zx{rng.randint(0, 10**9)} Unknown Widgets Ltd"
            phone = f"+49 30 {rng.randint(1000000, 9999999)}"
            email = f"sales@zx{rng.randint(0, 10**9)}.de"
            website = None
        inputs.append(
            {
                "name": name,
                "phone": phone,
                "mobile": f"+86 139 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                "email": email,
                "website": website,
            }
        )
    return inputs


def step_find(registry, queries):
    with registry.cursor() as cr:
        rep = _rep(cr)
        inputs = _samples(cr, queries)
        Partner = _env(cr, rep)["res.partner"]
        Partner.sop_find_duplicates(inputs[0])  # warm the caches (word lists, groups)
        result = {}
        # First pass: pages of the key tables and of res_partner mostly cold (random customers);
        # second pass: the same inputs again, their pages now in PostgreSQL's cache.
        for label in ("find", "find_again"):
            samples, found = [], 0
            for vals in inputs:
                started = time.perf_counter()
                rows = Partner.sop_find_duplicates(vals)
                samples.append(time.perf_counter() - started)
                found += bool(rows)
                Partner.env.invalidate_all()
            result[label] = _percentiles(samples)
            result["with_matches"] = found
        # Odoo's own duplicate check on leads, on the same machine and data, for comparison.
        cr.execute("SELECT id FROM crm_lead WHERE active ORDER BY id DESC LIMIT %s", [queries])
        lead_ids = [row[0] for row in cr.fetchall()]
        if lead_ids:
            Lead = _env(cr, rep)["crm.lead"].sudo()
            odoo_samples = []
            for lead in Lead.browse(lead_ids):
                Lead.env.invalidate_all()
                started = time.perf_counter()
                lead._compute_potential_lead_duplicates()
                odoo_samples.append(time.perf_counter() - started)
            result["odoo_duplicate_lead_ids"] = _percentiles(odoo_samples)
            result["ratio_p50_ours_to_odoo"] = round(
                result["find"]["p50_ms"] / max(result["odoo_duplicate_lead_ids"]["p50_ms"], 0.001), 2
            )
        # The worst neighbourhood of the generated names (see DUPLICATE.md), and a Chinese key.
        cr.execute("SELECT set_config('pg_trgm.similarity_threshold', '0.6', true)")
        for key in ("pioneerbuildingsupplies", "日东精密电子"):
            cr.execute(
                """EXPLAIN (ANALYZE, BUFFERS) SELECT key, similarity(key, %s) AS score FROM sop_name_key
                    WHERE key %% %s ORDER BY score DESC LIMIT 20""",
                [key, key],
            )
            result[f"similar_plan_{key}"] = [row[0] for row in cr.fetchall()]
        cr.rollback()
        return result


def step_keyword(registry, queries):
    with registry.cursor() as cr:
        rep = _rep(cr)
        rng = random.Random(21)
        cr.execute("SELECT key FROM sop_name_key TABLESAMPLE SYSTEM (5) LIMIT 5000")
        keys = [row[0] for row in cr.fetchall()]
        chinese = [key for key in keys if not key.isascii() and len(key) >= 2]
        latin = [key for key in keys if key.isascii() and len(key) >= 5]
        if not chinese or not latin:
            raise SystemExit("no keys: run the keys step first")
        keywords = {
            "zh2": [
                (lambda k, i: k[i : i + 2])(k, rng.randrange(len(k) - 1))
                for k in rng.choices(chinese, k=queries)
            ],
            "latin": [k[: rng.randint(5, min(8, len(k)))] for k in rng.choices(latin, k=queries)],
            "latin2": [
                (lambda k, i: k[i : i + 2])(k, rng.randrange(len(k) - 1))
                for k in rng.choices(latin, k=queries)
            ],
        }
        Partner = _env(cr, rep)["res.partner"]
        Native = _env(cr)["res.partner"]
        Partner.sop_find_duplicates({"keyword": keywords["zh2"][0]})  # warm the caches
        result = {}
        for label, words in keywords.items():
            samples, native, found = [], [], 0
            for word in words:
                started = time.perf_counter()
                rows = Partner.sop_find_duplicates({"keyword": word})
                samples.append(time.perf_counter() - started)
                found += bool(rows)
                Partner.env.invalidate_all()
            for word in words[: max(queries // 10, 10)]:  # the native search is slow: fewer runs
                started = time.perf_counter()
                Native.search([("sop_managed", "=", True), ("name", "ilike", word)], limit=20)
                native.append(time.perf_counter() - started)
                Native.env.invalidate_all()
            result[label] = {
                **_percentiles(samples),
                "with_matches": found,
                "native_ilike": _percentiles(native),
            }
        cr.execute("SELECT count(*) FROM sop_name_key_bigram")
        result["bigram_rows"] = cr.fetchone()[0]
        cr.execute("SELECT pg_total_relation_size('sop_name_key_bigram')")
        result["bigram_table_mib"] = round(cr.fetchone()[0] / 2**20, 1)
        cr.rollback()
        return result


def step_create(registry, creates):
    with registry.cursor() as cr:
        rep = _rep(cr)
        env = _env(cr)
        vals = {
            "is_company": True,
            "sop_managed": True,
            "sop_short_name": "Bench",
            "sop_customer_type": "trader",
            "sop_source_id": env["utm.source"].search([], limit=1).id,
            "sop_group_id": env["sop.customer.group"].search([("code", "=", "potential")], limit=1).id,
            "country_id": env.ref("base.cn").id,
            # A bench database may hold no product yet: one is created and rolled back with the rest.
            "sop_product_ids": [
                (
                    6,
                    0,
                    (
                        env["product.template"].search([], limit=1)
                        or env["product.template"].create({"name": "Bench Product"})
                    ).ids,
                )
            ],
            "user_id": rep,
        }
        env["ir.config_parameter"].set_param("sales_lead_sop.capacity", 10_000_000)
        admin = env.ref("base.user_admin").id
        results = {}
        rng = random.Random(7)
        for label, uid, context in (
            ("without_check", admin, {"sop_skip_duplicate_check": True}),
            ("with_check", rep, {}),
            ("without_check_2", admin, {"sop_skip_duplicate_check": True}),
            ("with_check_2", rep, {}),
        ):
            Partner = _env(cr, uid, dict(context, tracking_disable=True))["res.partner"]
            samples = []
            for n in range(creates):
                tag = f"{rng.randint(0, 10**12):x}"
                started = time.perf_counter()
                Partner.create(
                    dict(
                        vals,
                        name=f"Bench Q{tag} Optics {n} Ltd",
                        phone=f"+86 21 {rng.randint(10**7, 10**8 - 1)}",
                        email=f"sales@q{tag}.cn",
                        website=f"www.q{tag}.cn",
                    )
                )
                Partner.env.flush_all()
                samples.append(time.perf_counter() - started)
                Partner.env.invalidate_all()
            results[label] = _percentiles(samples)
        cr.rollback()
        results["ratio_p50"] = round(
            (results["with_check"]["p50_ms"] + results["with_check_2"]["p50_ms"])
            / (results["without_check"]["p50_ms"] + results["without_check_2"]["p50_ms"]),
            2,
        )
        return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--step", choices=["keys", "names", "find", "keyword", "create"], required=True)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--creates", type=int, default=200)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-d", args.db, f"--addons-path={args.addons_path}", "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    if args.step == "keys":
        result = step_keys(registry)
    elif args.step == "find":
        result = step_find(registry, args.queries)
    elif args.step == "names":
        result = step_names(registry)
    elif args.step == "keyword":
        result = step_keyword(registry, args.queries)
    else:
        result = step_create(registry, args.creates)
    print(json.dumps({"step": args.step, **result}, ensure_ascii=False))
    os._exit(0)


if __name__ == "__main__":
    main()
