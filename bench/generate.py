"""Fill a database that has sales_lead_sop installed with N SOP customers, their contacts,
reps, teams, leads, opportunities and follow-ups, fast: rows go in with COPY, in chunks,
with the tables' secondary indexes dropped during the load and rebuilt once after it.

Run it through bench/generate.sh (which sets up the venv and the database), e.g.
    bash bench/generate.sh --db sop_bench --customers 1000000 --leads 1000000 --reps 200

Only columns that exist are filled, so the same script serves every version of the addon.
Derived SOP keys that a feature computes itself (name keys, phone keys, ...) are left to
that feature's own backfill, which is then benchmarked separately.
"""

import argparse
import io
import logging
import random
import time
from datetime import datetime, timedelta

import odoo
from odoo import SUPERUSER_ID, api

_logger = logging.getLogger("bench.generate")

CHUNK = 100_000

CN_REGIONS = (
    "苏州 杭州 深圳 宁波 广州 上海 北京 厦门 青岛 义乌 东莞 佛山 温州 成都 武汉 天津 "
    "南京 常州 无锡 台州 合肥 郑州 长沙 济南 福州"
).split()
CN_TRADE = (
    "日东 海辰 华拓 远洋 博瑞 恒泰 中科 鹭江 海盛 金梦 联创 美佳 正泰 天府 长江 滨海 "
    "金陵 华达 新宇 永固 利丰 宏达 鑫源 瑞丰 东方 华美 金鹰 嘉禾 盛世 宝丰 安泰 富华 "
    "德胜 汇通 鸿运 锦程 凯瑞 隆盛 明珠 启航"
).split()
CN_INDUSTRY = (
    "精密电子 照明科技 电子 五金制品 家居用品 机械设备 信息科技 进出口贸易 橡胶制品 工艺品 "
    "塑胶五金 电器 阀门 光电科技 新材料 物流装备 医疗器械 纺织品 环保科技 汽配"
).split()
CN_FORMS = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "贸易商行", "集团有限公司"]
EN_TRADE = (
    "Acme Northwind Bayern Rheinland Maison Iberica Milano Britannia Sydney Toronto Atlas "
    "Summit Pioneer Apex Vertex Orion Nova Zenith Polaris Titan Aurora Everest Liberty Harbor "
    "Crescent Falcon Meridian Sterling Horizon Cascade"
).split()
EN_INDUSTRY = [
    "Lighting",
    "Hardware",
    "Electronics",
    "Home Goods",
    "Building Supplies",
    "Industrial",
    "Trading",
    "Tools",
    "Electricals",
    "Components",
    "Valves",
    "Textiles",
]
EN_FORMS = ["Co., Ltd.", "LLC", "Inc.", "GmbH", "S.A.", "S.R.L.", "Ltd", "Pty Ltd", "B.V.", "Corp."]
FREE_MAIL = ["gmail.com", "qq.com", "163.com", "126.com", "outlook.com", "hotmail.com", "yahoo.com"]
FIRST = (
    "Wei Fang Min Jie Yang Li Na Lei Gang Jing John Anna Pierre Maria Luca Tom Emma Olivia "
    "Kenji Carlos Ahmed Sofia"
).split()
LAST = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Zhou Wu Smith Muller Dubois Garcia Rossi Jansen "
    "Brown Sato Kim Mehta"
).split()
# Country code, dial code, share of customers.
COUNTRIES = [
    ("cn", "86", 40),
    ("us", "1", 12),
    ("de", "49", 6),
    ("uk", "44", 5),
    ("fr", "33", 4),
    ("in", "91", 6),
    ("br", "55", 4),
    ("ae", "971", 4),
    ("jp", "81", 3),
    ("vn", "84", 4),
    ("ru", "7", 3),
    ("au", "61", 3),
    ("mx", "52", 3),
    ("tr", "90", 3),
]
GROUP_SHARE = {"key_account": 2, "partner": 8, "first_deal": 10, "intent": 20, "potential": 50, "bulk": 10}
CUSTOMER_TYPES = ["trader", "wholesaler", "contractor", "brand_owner", "agent", "individual", "unknown"]


def copy_rows(cr, table, columns, rows):
    """COPY `rows` (tuples, None for NULL) into `table`; values must not contain tabs."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if value is None else str(value) for value in row))
        buffer.write("\n")
    buffer.seek(0)
    cr._obj.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def existing_columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table])
    return {row[0] for row in cr.fetchall()}


def reserve_ids(cr, table, count):
    """Take `count` consecutive ids from the table's sequence and return the first one."""
    cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
    first = cr.fetchone()[0] + 1
    cr.execute(f"SELECT setval('{table}_id_seq', %s)", [first + count])
    return first


class IndexesOff:
    """Drop a table's secondary indexes for a bulk load and rebuild them after it: one
    index build is much faster than a million incremental GIN/btree insertions."""

    def __init__(self, cr, table):
        self.cr, self.table = cr, table

    def __enter__(self):
        self.cr.execute(
            """SELECT i.indexname, i.indexdef FROM pg_indexes i
                 JOIN pg_class c ON c.relname = i.indexname
                 JOIN pg_index x ON x.indexrelid = c.oid
                WHERE i.tablename = %s AND NOT x.indisunique AND NOT x.indisprimary""",
            [self.table],
        )
        self.indexes = self.cr.fetchall()
        for name, _definition in self.indexes:
            self.cr.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            for _name, definition in self.indexes:
                self.cr.execute(definition)


class Generator:
    def __init__(self, env, args):
        self.env, self.cr, self.args = env, env.cr, args
        self.rng = random.Random(args.seed)
        self.now = datetime.now().replace(microsecond=0)
        self.countries = self._countries()
        self.groups = {g.code: g for g in env["sop.customer.group"].search([])}
        self.sources = env["utm.source"].search([]).ids
        self.company_id = env.company.id

    def _countries(self):
        result = []
        for code, dial, share in COUNTRIES:
            country = self.env.ref(f"base.{code}")
            result.append((country.id, code, dial, share))
        return result

    # ------------------------------------------------------------------ people
    def make_reps(self):
        """Reps in teams of 10, each team led by a manager; every bench user's password is `bench`
        (hashed once and set in SQL: hashing 220 passwords one by one takes a minute)."""
        env, args = self.env, self.args
        rep_group = env.ref("sales_lead_sop.group_sop_rep")
        manager_group = env.ref("sales_lead_sop.group_sop_manager")
        users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
        existing = users.search([("login", "=like", "bench_rep_%")])
        if len(existing) >= args.reps:
            self.rep_ids = existing.ids[: args.reps]
            return
        team_count = max(1, args.reps // 10)
        managers = users.create(
            [
                {
                    "name": f"Bench Manager {t:02d}",
                    "login": f"bench_mgr_{t:02d}",
                    "groups_id": [(6, 0, [manager_group.id])],
                }
                for t in range(team_count)
            ]
        )
        reps = users.create(
            [
                {
                    "name": f"Bench Rep {r:03d}",
                    "login": f"bench_rep_{r:03d}",
                    "groups_id": [(6, 0, [rep_group.id])],
                }
                for r in range(args.reps)
            ]
        )
        password = users._crypt_context().hash("bench")
        self.cr.execute(
            "UPDATE res_users SET password = %s WHERE id = ANY(%s)", [password, (managers | reps).ids]
        )
        for t, manager in enumerate(managers):
            members = reps[t * 10 : (t + 1) * 10] if t < team_count - 1 else reps[t * 10 :]
            env["crm.team"].create(
                {"name": f"Bench Team {t:02d}", "user_id": manager.id, "member_ids": [(6, 0, members.ids)]}
            )
        self.rep_ids = reps.ids

    # --------------------------------------------------------------- customers
    def _name(self, code):
        rng = self.rng
        if code == "cn" or rng.random() < 0.05:
            return (
                rng.choice(CN_REGIONS)
                + rng.choice(CN_TRADE)
                + rng.choice(CN_TRADE)[0]
                + rng.choice(CN_INDUSTRY)
                + rng.choice(CN_FORMS)
            )
        return (
            f"{rng.choice(EN_TRADE)} {rng.choice(EN_TRADE)} {rng.choice(EN_INDUSTRY)} {rng.choice(EN_FORMS)}"
        )

    def _phone(self, dial):
        rng = self.rng
        return f"+{dial} {rng.randint(10, 999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"

    def make_customers(self):
        args, rng, cr = self.args, self.rng, self.cr
        columns_present = existing_columns(cr, "res_partner")
        n = args.customers
        first_id = reserve_ids(cr, "res_partner", n * (1 + args.contacts))
        group_codes = [code for code in GROUP_SHARE if code in self.groups]
        group_weights = [GROUP_SHARE[code] for code in group_codes]
        country_weights = [c[3] for c in self.countries]
        due_share = args.due_share / args.private_share if args.private_share else 0
        base_cols = [
            "id",
            "name",
            "complete_name",
            "commercial_partner_id",
            "parent_id",
            "is_company",
            "type",
            "active",
            "partner_share",
            "lang",
            "country_id",
            "city",
            "phone",
            "mobile",
            "email",
            "email_normalized",
            "website",
            "function",
            "user_id",
            "company_id",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ]
        sop_cols = [
            "sop_managed",
            "sop_short_name",
            "sop_source_id",
            "sop_customer_type",
            "sop_group_id",
            "sop_stars",
            "sop_code",
            "sop_grade",
            "sop_pool_state",
            "sop_last_contact_date",
            "sop_recycle_date",
            "sop_completeness",
            "sop_commercial_managed",
            "sop_commercial_user_id",
        ]
        sop_cols = [c for c in sop_cols if c in columns_present]
        columns = base_cols + sop_cols
        self.private_customers = []
        started = time.monotonic()
        next_id = first_id
        with IndexesOff(cr, "res_partner"):
            for chunk_start in range(0, n, CHUNK):
                rows = []
                for i in range(chunk_start, min(n, chunk_start + CHUNK)):
                    pid = next_id
                    next_id += 1 + args.contacts
                    country_id, code, dial, _share = rng.choices(self.countries, country_weights)[0]
                    name = self._name(code)
                    domain = f"{code}{i}-{rng.choice(EN_TRADE).lower()}.com"
                    email = f"info@{domain}" if rng.random() < 0.8 else f"buyer{i}@{rng.choice(FREE_MAIL)}"
                    group_code = rng.choices(group_codes, group_weights)[0]
                    group = self.groups[group_code]
                    private = group_code != "bulk" and rng.random() < args.private_share
                    owner = rng.choice(self.rep_ids) if private else None
                    recycle_date = None
                    if private:
                        self.private_customers.append((pid, owner))
                        days = group.recycle_days or 30
                        due = group.recycle_days and rng.random() < due_share
                        age = days + rng.randint(1, 90) if due else rng.randint(0, days - 1)
                        last_contact = self.now - timedelta(days=age, seconds=rng.randint(0, 86399))
                        if group.recycle_days:
                            recycle_date = (last_contact + timedelta(days=group.recycle_days)).date()
                    else:
                        last_contact = (
                            (self.now - timedelta(days=rng.randint(0, 720))) if rng.random() < 0.7 else None
                        )
                    created = self.now - timedelta(days=rng.randint(0, 730))
                    row = [
                        pid,
                        name,
                        name,
                        pid,
                        None,
                        True,
                        "contact",
                        True,
                        True,
                        "en_US",
                        country_id,
                        None,
                        self._phone(dial),
                        None,
                        email,
                        email,
                        f"https://www.{domain}",
                        None,
                        owner,
                        None,
                        SUPERUSER_ID,
                        SUPERUSER_ID,
                        created,
                        created,
                    ]
                    sop = {
                        "sop_managed": True,
                        "sop_short_name": name[:8],
                        "sop_source_id": rng.choice(self.sources),
                        "sop_customer_type": rng.choice(CUSTOMER_TYPES),
                        "sop_group_id": group.id,
                        "sop_stars": str(rng.randint(0, 5)),
                        "sop_code": f"BN-{code.upper()}-{created.year}-{i + 1:07d}",
                        "sop_grade": rng.choice("ABCDDD"),
                        "sop_pool_state": "private" if private else "public",
                        "sop_last_contact_date": last_contact,
                        "sop_recycle_date": recycle_date,
                        "sop_completeness": rng.randint(40, 100),
                        "sop_commercial_managed": True,
                        "sop_commercial_user_id": owner,
                    }
                    # what the record rules read on a contact: its company's SOP flag and owner
                    of_company = {"sop_commercial_managed": True, "sop_commercial_user_id": owner}
                    rows.append(row + [sop[c] for c in sop_cols])
                    for k in range(args.contacts):
                        contact = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                        cmail = f"{contact.split()[0].lower()}.{k}@{domain}"
                        rows.append(
                            [
                                pid + 1 + k,
                                contact,
                                f"{name}, {contact}",
                                pid,
                                pid,
                                False,
                                "contact",
                                True,
                                True,
                                "en_US",
                                country_id,
                                None,
                                None,
                                self._phone(dial),
                                cmail,
                                cmail,
                                None,
                                "Purchasing Manager",
                                owner,
                                None,
                                SUPERUSER_ID,
                                SUPERUSER_ID,
                                created,
                                created,
                            ]
                            + [of_company.get(c) for c in sop_cols]
                        )
                copy_rows(cr, "res_partner", columns, rows)
                _logger.info("customers: %d / %d", min(n, chunk_start + CHUNK), n)
            load = time.monotonic() - started
        self.stats["customers"] = (n * (1 + args.contacts), load, time.monotonic() - started)

    # ------------------------------------------------------------------- leads
    def make_leads(self):
        args, rng, cr = self.args, self.rng, self.cr
        n = args.leads
        if not n:
            return
        present = existing_columns(cr, "crm_lead")
        cr.execute("SELECT id, is_won FROM crm_stage ORDER BY sequence")
        stages = cr.fetchall()
        won_stage = next((s for s, won in stages if won), None)
        open_stages = [s for s, won in stages if not won]
        cr.execute("SELECT id FROM crm_lost_reason LIMIT 1")
        lost_reason = (cr.fetchone() or [None])[0]
        campaigns = (
            self.env["utm.campaign"].search([("name", "=like", "Bench Campaign %")]).ids
            or self.env["utm.campaign"].create([{"name": f"Bench Campaign {c:02d}"} for c in range(10)]).ids
        )
        cr.execute("SELECT crm_team_id, user_id FROM crm_team_member WHERE active")
        team_of = dict((user, team) for team, user in cr.fetchall())
        customers = self.private_customers or [(None, None)]
        first_id = reserve_ids(cr, "crm_lead", n)
        base = [
            "id",
            "name",
            "type",
            "active",
            "user_id",
            "team_id",
            "partner_id",
            "partner_name",
            "contact_name",
            "email_from",
            "email_normalized",
            "phone",
            "source_id",
            "campaign_id",
            "stage_id",
            "probability",
            "expected_revenue",
            "prorated_revenue",
            "date_open",
            "date_closed",
            "date_last_stage_update",
            "lost_reason_id",
            "company_id",
            "priority",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ]
        extra = [
            c
            for c in ("sop_lead_type", "sop_intent", "sop_last_contact_date", "sop_customer_id")
            if c in present
        ]
        started = time.monotonic()
        with IndexesOff(cr, "crm_lead"):
            for chunk_start in range(0, n, CHUNK):
                rows = []
                for i in range(chunk_start, min(n, chunk_start + CHUNK)):
                    created = self.now - timedelta(days=rng.randint(0, 730), seconds=rng.randint(0, 86399))
                    partner_id, owner = rng.choice(customers) if rng.random() < 0.5 else (None, None)
                    owner = owner or (rng.choice(self.rep_ids) if rng.random() < 0.8 else None)
                    is_opp = rng.random() < 0.4
                    outcome = rng.random()
                    won, lost = is_opp and outcome < 0.2, is_opp and 0.2 <= outcome < 0.3
                    stage = (won_stage if won else rng.choice(open_stages)) if is_opp else None
                    amount = rng.randint(1, 500) * 1000 if is_opp else 0
                    closed = created + timedelta(days=rng.randint(1, 60)) if (won or lost) else None
                    email = f"buyer{i}@{rng.choice(FREE_MAIL)}"
                    row = [
                        first_id + i,
                        f"Inquiry {i}: {rng.choice(EN_INDUSTRY)} x {rng.randint(1, 50) * 100}",
                        "opportunity" if is_opp else "lead",
                        not lost,
                        owner,
                        team_of.get(owner),
                        partner_id,
                        None,
                        f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                        email,
                        email,
                        self._phone(rng.choice(self.countries)[2]),
                        rng.choice(self.sources),
                        rng.choice(campaigns) if rng.random() < 0.3 else None,
                        stage,
                        100 if won else (0 if lost else 30),
                        amount,
                        amount * (1 if won else 0.3),
                        created if owner else None,
                        closed,
                        created,
                        lost_reason if lost else None,
                        self.company_id,
                        "1",
                        SUPERUSER_ID,
                        SUPERUSER_ID,
                        created,
                        created,
                    ]
                    sop = {
                        "sop_lead_type": rng.choice(["target", "target", "to_verify", "invalid"]),
                        "sop_intent": rng.choice(["potential", "clear", "high"]),
                        "sop_last_contact_date": created + timedelta(days=rng.randint(0, 30)),
                        # the bench customers are companies: their own commercial partner
                        "sop_customer_id": partner_id,
                    }
                    rows.append(row + [sop[c] for c in extra])
                copy_rows(cr, "crm_lead", base + extra, rows)
                _logger.info("leads: %d / %d", min(n, chunk_start + CHUNK), n)
        self.stats["leads"] = (n, 0, time.monotonic() - started)

    # --------------------------------------------------------------- follow-ups
    def make_followups(self):
        args, rng, cr = self.args, self.rng, self.cr
        n = args.followups if args.followups >= 0 else args.customers
        if not n or not self.private_customers or not existing_columns(cr, "sop_followup"):
            return
        columns = [
            "partner_id",
            "user_id",
            "date",
            "method",
            "content",
            "company_id",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ]
        methods = ["phone", "email", "visit", "meeting", "whatsapp", "wechat"]
        started = time.monotonic()
        with IndexesOff(cr, "sop_followup"):
            for chunk_start in range(0, n, CHUNK):
                rows = []
                for _i in range(chunk_start, min(n, chunk_start + CHUNK)):
                    partner_id, owner = rng.choice(self.private_customers)
                    when = self.now - timedelta(days=rng.randint(0, 730), seconds=rng.randint(0, 86399))
                    rows.append(
                        [
                            partner_id,
                            owner,
                            when,
                            rng.choice(methods),
                            "Bench follow-up",
                            self.company_id,
                            owner,
                            owner,
                            when,
                            when,
                        ]
                    )
                copy_rows(cr, "sop_followup", columns, rows)
        self.stats["followups"] = (n, 0, time.monotonic() - started)

    def run(self):
        self.stats = {}
        started = time.monotonic()
        self.make_reps()
        self.cr.commit()
        self.make_customers()
        self.cr.commit()
        self.make_leads()
        self.cr.commit()
        self.make_followups()
        self.cr.commit()
        self.cr.execute("ANALYZE res_partner; ANALYZE crm_lead")
        total = time.monotonic() - started
        for what, (rows, _load, seconds) in self.stats.items():
            print(
                f"{what}: {rows} rows in {seconds:.1f} s "
                f"({rows / max(seconds, 1e-9):,.0f} rows/s, indexes rebuilt)"
            )
        print(f"total: {total:.1f} s")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1, help="contacts per customer")
    parser.add_argument("--leads", type=int, default=0)
    parser.add_argument("--followups", type=int, default=-1, help="default: as many as customers")
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--private-share", type=float, default=0.3, help="share of customers with an owner")
    parser.add_argument(
        "--due-share", type=float, default=0.1, help="share of all customers past recycle date"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-d", args.db, f"--addons-path={args.addons_path}", "--log-level=info"])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        cr.execute("SET maintenance_work_mem = '1GB'")
        Generator(api.Environment(cr, SUPERUSER_ID, {}), args).run()


if __name__ == "__main__":
    main()
