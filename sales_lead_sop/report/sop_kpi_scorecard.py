from datetime import date

from babel.dates import format_skeleton

from odoo import api, fields, models, tools
from odoo.models import parse_read_group_spec
from odoo.tools import SQL
from odoo.tools.misc import babel_locale_parse, get_lang

from .sop_report_sql import LEAD_INDEX, create_indexes, sop_report_session

# figure -> (target setting key, denominator): a figure is measured against its target (SOP.md
# §9, at least the target); a rate without a denominator (no Alibaba inquiry due, no customer
# owned) has no value, so it neither meets nor misses its target
TARGETS = {
    "channel_lead_count": ("kpi_target_leads", None),
    "customer_count": ("kpi_target_customers", None),
    "opp_existing_count": ("kpi_target_opp_existing", None),
    "opp_new_count": ("kpi_target_opp_new", None),
    "alibaba_on_time_rate": ("kpi_target_alibaba_on_time", "alibaba_count"),
    "first_followup_on_time_rate": ("kpi_target_first_followup_on_time", "first_followup_count"),
    "entry_on_time_rate": ("kpi_target_entry_on_time", "entry_count"),
    "coverage_rate": ("kpi_target_coverage", "owned_count"),
    "completeness": ("kpi_target_completeness", "owned_count"),
}
# figures read as percentages, for the target shown in their label
PERCENT_FIGURES = {
    "alibaba_on_time_rate",
    "first_followup_on_time_rate",
    "entry_on_time_rate",
    "coverage_rate",
    "completeness",
}


# rate measure -> (numerator, denominator): a group's rate is recomputed from its own totals in
# _read_group_select (a mean of the rows' rates would give a rep with 1 Alibaba inquiry the
# same weight as one with 50); without a denominator it is NULL, shown empty
RATES = {
    "alibaba_on_time_rate": ("alibaba_on_time_count", "alibaba_count"),
    "first_followup_on_time_rate": ("first_followup_on_time_count", "first_followup_count"),
    "entry_on_time_rate": ("entry_on_time_count", "entry_count"),
    "coverage_rate": ("contacted_count", "owned_count"),
    "lead_customer_rate": ("lead_customer_count", "lead_count"),
    "lead_opportunity_rate": ("lead_opportunity_count", "lead_count"),
    "lead_won_rate": ("lead_won_count", "lead_count"),
    "customer_opportunity_rate": ("lead_opportunity_count", "lead_customer_count"),
    "opportunity_won_rate": ("lead_won_count", "lead_opportunity_count"),
}

# indexes that let a month's rows be read by range instead of scanning whole tables, with the
# columns the view reads included so the range is an index-only scan where the visibility
# map allows: (name, table, key expressions, included columns, predicate)
INDEXES = [
    LEAD_INDEX,
    (
        "sop_kpi_res_partner_create_owner_idx",
        "res_partner",
        ["create_date"],
        ["user_id", "sop_first_followup_state"],
        "sop_managed AND user_id IS NOT NULL",
    ),
    # the current customers per rep, and the check that a contacted customer is the rep's
    (
        "sop_kpi_res_partner_owner_id_idx",
        "res_partner",
        ["user_id", "id"],
        ["sop_completeness"],
        "sop_managed AND active AND user_id IS NOT NULL",
    ),
    # an opportunity's customer is new or existing by its creation date: read from the index
    ("sop_kpi_res_partner_id_create_idx", "res_partner", ["id"], ["create_date"], ""),
    # an index-only scan needs the expression's columns too
    (
        "sop_kpi_crm_lead_opportunity_idx",
        "crm_lead",
        ["(COALESCE(date_conversion, create_date))"],
        ["user_id", "team_id", "sop_customer_id", "date_conversion", "create_date", "type"],
        "type = 'opportunity'",
    ),
    (
        "sop_kpi_crm_lead_won_idx",
        "crm_lead",
        ["date_closed"],
        ["user_id", "team_id", "stage_id", "type", "sop_order_amount", "expected_revenue"],
        "date_closed IS NOT NULL",
    ),
    ("sop_kpi_sop_followup_date_idx", "sop_followup", ["date"], ["user_id", "partner_id"], ""),
]
# replaced by the covering indexes above
OLD_INDEXES = [
    "sop_kpi_res_partner_create_date_idx",
    "sop_kpi_res_partner_owner_idx",
    "sop_kpi_crm_lead_date_closed_idx",
    "sop_kpi_crm_lead_opportunity_date_idx",
    "sop_kpi_sop_followup_user_date_idx",
    "sop_report_crm_lead_create_date_idx",
]


class SopKpiScorecard(models.Model):
    """KPI scorecard per rep, team and month (SOP.md §9), a read-only SQL view.

    Each event counts for the team it happened in (the lead's or customer's team), so a rep
    who changed teams mid-month has one row per team. Coverage and completeness are about
    the rep's current customers and repeat on each of the rep's rows of the month.

    Months are cut at midnight in the company's time zone. Every event is joined to its month by a range on an
    indexed date, so a filter on one month reads that month's rows only.
    """

    _name = "sop.kpi.scorecard"
    _description = "SOP KPI Scorecard"
    _auto = False
    _order = "month desc, user_id"
    _rec_name = "user_id"

    month = fields.Date(string="Month Start", readonly=True)
    month_name = fields.Char(string="Month", compute="_compute_month_name")
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    # column labels are short (a list column on a phone is ~80 px); the help says it in full
    lead_count = fields.Integer(
        string="All Leads", readonly=True, help="Leads created in the month, any source."
    )
    channel_lead_count = fields.Integer(
        string="Leads",
        readonly=True,
        help="Leads created in the month from the sources that count for the leads target "
        "(flag on the source).",
    )
    customer_count = fields.Integer(
        string="New Cust.", readonly=True, help="New customers created in the month."
    )
    opp_existing_count = fields.Integer(
        string="Opp. Existing",
        readonly=True,
        help="Opportunities created or converted in the month for customers created before it.",
    )
    opp_new_count = fields.Integer(
        string="Opp. New",
        readonly=True,
        help="Opportunities created or converted in the month for customers created in it.",
    )
    won_count = fields.Integer(string="Won", readonly=True, help="Opportunities won in the month.")
    won_amount = fields.Float(
        string="Won Amount", readonly=True, help="Amount of the opportunities won in the month."
    )
    alibaba_count = fields.Integer(
        string="Alibaba Due",
        readonly=True,
        help="Alibaba inquiries of the month whose deadline is decided (processed on time or late).",
    )
    alibaba_on_time_count = fields.Integer(
        string="Alibaba On Time", readonly=True, help="Alibaba inquiries processed within their deadline."
    )
    alibaba_on_time_rate = fields.Float(
        string="Alibaba",
        readonly=True,
        aggregator="avg",
        help="Share of the month's Alibaba inquiries processed within their deadline (working days "
        "set in Settings). Empty when no inquiry was due.",
    )
    first_followup_count = fields.Integer(
        string="1st Follow-ups Due", readonly=True, help="New customers whose first follow-up is decided."
    )
    first_followup_on_time_count = fields.Integer(
        string="1st Follow-ups On Time", readonly=True, help="New customers followed up on time."
    )
    first_followup_on_time_rate = fields.Float(
        string="1st Follow-up",
        readonly=True,
        aggregator="avg",
        help="Share of the month's new customers whose first follow-up was on time. Empty when none was due.",
    )
    entry_count = fields.Integer(
        string="Entries Due",
        readonly=True,
        help="Leads qualified as target customers whose customer entry is decided (on time or late).",
    )
    entry_on_time_count = fields.Integer(
        string="Entries On Time",
        readonly=True,
        help="Target customers entered (converted or linked) within the entry deadline.",
    )
    entry_on_time_rate = fields.Float(
        string="Entry",
        readonly=True,
        aggregator="avg",
        help="Share of the month's qualified leads entered as customers within the entry deadline "
        "(working days from qualification, set in Settings). Empty when none was due.",
    )
    owned_count = fields.Integer(
        string="Cust. Owned", readonly=True, help="Customers the salesperson owns now."
    )
    contacted_count = fields.Integer(
        string="Cust. Contacted", readonly=True, help="Own customers contacted in the month."
    )
    coverage_rate = fields.Float(
        string="Coverage",
        readonly=True,
        aggregator="avg",
        help="Share of the salesperson's customers contacted in the month. Empty when they own none.",
    )
    completeness = fields.Float(
        string="Profile",
        readonly=True,
        aggregator="avg",
        help="Average profile completeness of the salesperson's customers. Empty when they own none.",
    )
    lead_customer_count = fields.Integer(
        string="Leads to Cust.", readonly=True, help="Leads of the month that reached a customer."
    )
    lead_opportunity_count = fields.Integer(
        string="Leads to Opp.", readonly=True, help="Leads of the month that became opportunities."
    )
    lead_won_count = fields.Integer(string="Leads Won", readonly=True, help="Leads of the month won.")
    lead_customer_rate = fields.Float(
        string="Lead → Cust. %",
        readonly=True,
        aggregator="avg",
        help="Leads of the month that reached a customer.",
    )
    lead_opportunity_rate = fields.Float(
        string="Lead → Opp. %",
        readonly=True,
        aggregator="avg",
        help="Leads of the month that became opportunities.",
    )
    lead_won_rate = fields.Float(
        string="Lead → Won %", readonly=True, aggregator="avg", help="Leads of the month that were won."
    )
    customer_opportunity_rate = fields.Float(
        string="Cust. → Opp. %",
        readonly=True,
        aggregator="avg",
        help="Leads that reached a customer and then an opportunity.",
    )
    opportunity_won_rate = fields.Float(
        string="Opp. → Won %",
        readonly=True,
        aggregator="avg",
        help="Leads that became opportunities and were won.",
    )
    # each target and whether the row misses it, for the colour of that figure only
    channel_lead_count_target = fields.Integer(string="Leads Target", compute="_compute_missed_targets")
    channel_lead_count_missed = fields.Boolean(string="Leads Missed", compute="_compute_missed_targets")
    entry_on_time_rate_target = fields.Integer(string="Entry Target", compute="_compute_missed_targets")
    entry_on_time_rate_missed = fields.Boolean(string="Entry Missed", compute="_compute_missed_targets")
    customer_count_target = fields.Integer(string="New Cust. Target", compute="_compute_missed_targets")
    customer_count_missed = fields.Boolean(string="New Cust. Missed", compute="_compute_missed_targets")
    opp_existing_count_target = fields.Integer(
        string="Opp. Existing Target", compute="_compute_missed_targets"
    )
    opp_existing_count_missed = fields.Boolean(
        string="Opp. Existing Missed", compute="_compute_missed_targets"
    )
    opp_new_count_target = fields.Integer(string="Opp. New Target", compute="_compute_missed_targets")
    opp_new_count_missed = fields.Boolean(string="Opp. New Missed", compute="_compute_missed_targets")
    alibaba_on_time_rate_target = fields.Integer(string="Alibaba Target", compute="_compute_missed_targets")
    alibaba_on_time_rate_missed = fields.Boolean(string="Alibaba Missed", compute="_compute_missed_targets")
    first_followup_on_time_rate_target = fields.Integer(
        string="1st Follow-up Target", compute="_compute_missed_targets"
    )
    first_followup_on_time_rate_missed = fields.Boolean(
        string="1st Follow-up Missed", compute="_compute_missed_targets"
    )
    coverage_rate_target = fields.Integer(string="Coverage Target", compute="_compute_missed_targets")
    coverage_rate_missed = fields.Boolean(string="Coverage Missed", compute="_compute_missed_targets")
    completeness_target = fields.Integer(string="Profile Target", compute="_compute_missed_targets")
    completeness_missed = fields.Boolean(string="Profile Missed", compute="_compute_missed_targets")
    missed_target_count = fields.Integer(
        string="Missed",
        compute="_compute_missed_targets",
        help="Figures of the row below their target (targets are set in Settings).",
    )
    missed_targets = fields.Char(string="Missed Targets", compute="_compute_missed_targets")

    @api.model
    def _sop_targets(self):
        """{figure: target} from the settings (SOP.md §9 defaults).

        :config sales_lead_sop.kpi_target_*: see sop.settings
        """
        config = self.env["sop.cadence.config"]
        return {name: config._get(key) for name, (key, __) in TARGETS.items()}

    @api.depends(*TARGETS, *(denominator for __, denominator in TARGETS.values() if denominator))
    def _compute_missed_targets(self):
        targets = self._sop_targets()
        labels = {name: self._fields[name].get_description(self.env)["string"] for name in TARGETS}
        for row in self:
            missed = []
            for name, (__, denominator) in TARGETS.items():
                # no denominator: the rate has no value, it cannot miss
                is_missed = (not denominator or row[denominator] > 0) and row[name] < targets[name]
                row[name + "_target"] = targets[name]
                row[name + "_missed"] = is_missed
                if is_missed:
                    missed.append(name)
            row.missed_target_count = len(missed)
            row.missed_targets = ", ".join(labels[name] for name in missed)

    @api.depends("month")
    @api.depends_context("lang")
    def _compute_month_name(self):
        """The month in words of the user's language ("December 2026", "2026年12月")."""
        locale = babel_locale_parse(get_lang(self.env).code)
        for row in self:
            row.month_name = row.month and format_skeleton("yMMMM", row.month, locale=locale)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Put the current target in each targeted figure's label and help ("Leads ≥ 6"), so
        the list, graph and pivot show it beside the figure."""
        result = super().fields_get(allfields, attributes)
        targets = self._sop_targets()
        for name, target in targets.items():
            if name not in result:
                continue
            shown = f"{target}%" if name in PERCENT_FIGURES else str(target)
            description = result[name]
            if "string" in description:
                description["string"] = self.env._(
                    "%(label)s ≥ %(target)s", label=description["string"], target=shown
                )
            if "help" in description:
                description["help"] = self.env._(
                    "%(help)s Target: at least %(target)s.", help=description.get("help") or "", target=shown
                )
        return result

    @api.model
    def _search(self, domain, *args, **kwargs):
        """Reading rows by id (fetch, access checks) would make PostgreSQL compute every month
        of every rep, as the id is an expression; add the month and rep it encodes so only
        those months are read. Only on a plain conjunction, where the extra terms are implied."""
        sop_report_session(self.env.cr)
        ids = [
            value
            for leaf in domain
            if isinstance(leaf, (list, tuple))
            and len(leaf) == 3
            and leaf[0] == "id"
            and leaf[1] in ("=", "in")
            for value in (leaf[2] if isinstance(leaf[2], (list, tuple)) else [leaf[2]])
        ]
        if (
            ids
            and all(isinstance(value, int) for value in ids)
            and all(isinstance(leaf, (list, tuple)) for leaf in domain)
        ):
            domain = [
                *domain,
                ("month", "in", sorted({self._sop_month_of_id(value) for value in ids})),
                ("user_id", "in", sorted({(value >> 20) & 0xFFFFF for value in ids})),
            ]
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _sop_month_of_id(self, row_id):
        months = (row_id >> 40) - 1
        return date(2000 + months // 12, months % 12 + 1, 1)

    def _read_group_select(self, aggregate_spec, query):
        fname, __, __ = parse_read_group_spec(aggregate_spec)
        if fname == "completeness":
            # weighted by the customers owned, like the rows' own average
            return SQL(
                "SUM(%s * %s) / NULLIF(SUM(%s), 0)",
                self._field_to_sql(self._table, "completeness", query),
                self._field_to_sql(self._table, "owned_count", query),
                self._field_to_sql(self._table, "owned_count", query),
            )
        if fname in RATES:
            self._field_to_sql(self._table, fname, query)  # access check of the measure itself
            numerator, denominator = RATES[fname]
            return SQL(
                "100.0 * SUM(%s) / NULLIF(SUM(%s), 0)",
                self._field_to_sql(self._table, numerator, query),
                self._field_to_sql(self._table, denominator, query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        for name in OLD_INDEXES:
            self.env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))
        create_indexes(self.env.cr, INDEXES)
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    @api.model
    def _sop_timezone_sql(self):
        """Months and days of the reports are those of the main company's working calendar
        (the time zone its working-day deadlines use), not UTC: a lead converted at 23:30 in
        Shanghai on the 31st belongs to that month."""
        return SQL(
            """(SELECT COALESCE(MAX(rc.tz), 'UTC') FROM resource_calendar rc
                 WHERE rc.id = (SELECT resource_calendar_id FROM res_company
                                 ORDER BY sequence, id LIMIT 1))"""
        )

    def _query(self):
        # months of the company's time zone as a series of UTC ranges; each event table is read
        # in a LATERAL subquery per month by a range on an indexed date (see INDEXES). A filter
        # on the month column is pushed down to the series; OFFSET 0 keeps each subquery
        # planned on its own, where the month's bounds are parameters and PostgreSQL
        # estimates one month's rows (joined, it estimates a third of the table and scans it)
        months = SQL(
            """(SELECT s::date AS month,
                       (s AT TIME ZONE tz.name) AT TIME ZONE 'UTC' AS start,
                       ((s + interval '1 month') AT TIME ZONE tz.name) AT TIME ZONE 'UTC' AS stop
                  FROM generate_series(timestamp '2000-01-01', timestamp '2099-12-01', interval '1 month') s,
                       %s tz(name)) AS mo""",
            self._sop_timezone_sql(),
        )
        return SQL(
            """
WITH events AS (
    -- leads created (not opportunities created as such), and what became of them (cohort
    -- of the creation month); Alibaba and first follow-up count once decided (on time or late)
    -- the month comes from the series (not the subquery) so a filter on it reaches the series
    SELECT e.*, mo.month AS month FROM %(months)s CROSS JOIN LATERAL (
    SELECT l.user_id, l.team_id,
           1 AS leads, COALESCE(ls.sop_kpi_lead_channel, false)::int AS channel_leads,
           (l.sop_entry_state IN ('on_time', 'late'))::int AS entry,
           (l.sop_entry_state = 'on_time')::int AS entry_on_time,
           0 AS customers, 0 AS opp_existing, 0 AS opp_new, 0 AS won, 0.0 AS won_amount,
           (l.source_id = src.id AND l.sop_processing_state IN ('on_time', 'late'))::int AS alibaba,
           (l.source_id = src.id AND l.sop_processing_state = 'on_time')::int AS alibaba_on_time,
           (l.partner_id IS NOT NULL)::int AS lead_customer,
           (l.type = 'opportunity')::int AS lead_opp,
           (l.type = 'opportunity' AND COALESCE(st.is_won, false))::int AS lead_won,
           0 AS ff, 0 AS ff_on_time
      FROM crm_lead l
      LEFT JOIN crm_stage st ON st.id = l.stage_id
      LEFT JOIN utm_source ls ON ls.id = l.source_id
      LEFT JOIN (SELECT res_id AS id FROM ir_model_data
                  WHERE module = 'sales_lead_sop' AND name = 'utm_source_alibaba') src ON true
     WHERE l.create_date >= mo.start AND l.create_date < mo.stop
       AND l.user_id IS NOT NULL AND (l.type = 'lead' OR l.date_conversion IS NOT NULL)
    OFFSET 0) e
    UNION ALL
    -- new customers and their first follow-up, in the owner's current team (partners carry
    -- no team without the sale app)
    -- the month comes from the series (not the subquery) so a filter on it reaches the series
    SELECT e.*, mo.month AS month FROM %(months)s CROSS JOIN LATERAL (
    SELECT p.user_id, u.sale_team_id,
           0, 0, 0, 0, 1, 0, 0, 0, 0.0, 0, 0, 0, 0, 0,
           (p.sop_first_followup_state IN ('on_time', 'late'))::int,
           (p.sop_first_followup_state = 'on_time')::int
      FROM res_partner p
      JOIN res_users u ON u.id = p.user_id
     WHERE p.create_date >= mo.start AND p.create_date < mo.stop AND p.sop_managed AND p.user_id IS NOT NULL
    OFFSET 0) e
    UNION ALL
    -- opportunities, in the month they were created or converted; "new" when the
    -- customer was created in that same month
    -- the month comes from the series (not the subquery) so a filter on it reaches the series
    SELECT e.*, mo.month AS month FROM %(months)s CROSS JOIN LATERAL (
    SELECT o.user_id, o.team_id,
           0, 0, 0, 0, 0,
           (cp.create_date < mo.start)::int,
           (cp.id IS NULL OR cp.create_date >= mo.start)::int,
           0, 0.0, 0, 0, 0, 0, 0, 0, 0
      FROM crm_lead o
      LEFT JOIN res_partner cp ON cp.id = o.sop_customer_id
     WHERE COALESCE(o.date_conversion, o.create_date) >= mo.start
       AND COALESCE(o.date_conversion, o.create_date) < mo.stop
       AND o.type = 'opportunity' AND o.user_id IS NOT NULL
    OFFSET 0) e
    UNION ALL
    -- won opportunities in their closing month; a reopened one has left its won stage
    -- (Odoo then clears date_closed), so it counts nowhere
    -- the month comes from the series (not the subquery) so a filter on it reaches the series
    SELECT e.*, mo.month AS month FROM %(months)s CROSS JOIN LATERAL (
    SELECT w.user_id, w.team_id,
           0, 0, 0, 0, 0, 0, 0, 1,
           COALESCE(NULLIF(w.sop_order_amount, 0), w.expected_revenue, 0),
           0, 0, 0, 0, 0, 0, 0
      FROM crm_lead w
      JOIN crm_stage ws ON ws.id = w.stage_id AND ws.is_won
     WHERE w.date_closed >= mo.start AND w.date_closed < mo.stop
       AND w.type = 'opportunity' AND w.user_id IS NOT NULL
    OFFSET 0) e
),
monthly AS (
    SELECT user_id, team_id, month,
           sum(leads) AS leads, sum(channel_leads) AS channel_leads, sum(entry) AS entry,
           sum(entry_on_time) AS entry_on_time, sum(customers) AS customers,
           sum(opp_existing) AS opp_existing,
           sum(opp_new) AS opp_new, sum(won) AS won, sum(won_amount) AS won_amount,
           sum(alibaba) AS alibaba, sum(alibaba_on_time) AS alibaba_on_time,
           sum(lead_customer) AS lead_customer, sum(lead_opp) AS lead_opp, sum(lead_won) AS lead_won,
           sum(ff) AS ff, sum(ff_on_time) AS ff_on_time
      FROM events
     GROUP BY user_id, team_id, month
)
-- a stable id from (month, rep, team): months since 2000 (< 1200) and ids below 2^20 keep
-- it under 2^53, exact in the web client
SELECT (((EXTRACT(YEAR FROM m.month)::bigint - 2000) * 12 + EXTRACT(MONTH FROM m.month)::bigint)
            * 1048576 + m.user_id) * 1048576 + COALESCE(m.team_id, 0) AS id,
       m.month, m.user_id, m.team_id,
       m.leads AS lead_count, m.channel_leads AS channel_lead_count, m.customers AS customer_count,
       m.opp_existing AS opp_existing_count, m.opp_new AS opp_new_count,
       m.won AS won_count, m.won_amount,
       m.alibaba AS alibaba_count, m.alibaba_on_time AS alibaba_on_time_count,
       CASE WHEN m.alibaba > 0 THEN 100.0 * m.alibaba_on_time / m.alibaba END
           AS alibaba_on_time_rate,
       m.ff AS first_followup_count, m.ff_on_time AS first_followup_on_time_count,
       CASE WHEN m.ff > 0 THEN 100.0 * m.ff_on_time / m.ff END AS first_followup_on_time_rate,
       m.entry AS entry_count, m.entry_on_time AS entry_on_time_count,
       CASE WHEN m.entry > 0 THEN 100.0 * m.entry_on_time / m.entry END AS entry_on_time_rate,
       COALESCE(o.customers, 0) AS owned_count, COALESCE(c.customers, 0) AS contacted_count,
       CASE WHEN o.customers > 0 THEN 100.0 * COALESCE(c.customers, 0) / o.customers END
           AS coverage_rate,
       o.completeness AS completeness,
       m.lead_customer AS lead_customer_count, m.lead_opp AS lead_opportunity_count,
       m.lead_won AS lead_won_count,
       CASE WHEN m.leads > 0 THEN 100.0 * m.lead_customer / m.leads END AS lead_customer_rate,
       CASE WHEN m.leads > 0 THEN 100.0 * m.lead_opp / m.leads END AS lead_opportunity_rate,
       CASE WHEN m.leads > 0 THEN 100.0 * m.lead_won / m.leads END AS lead_won_rate,
       CASE WHEN m.lead_customer > 0 THEN 100.0 * m.lead_opp / m.lead_customer END
           AS customer_opportunity_rate,
       CASE WHEN m.lead_opp > 0 THEN 100.0 * m.lead_won / m.lead_opp END AS opportunity_won_rate
  FROM monthly m
  -- the rep's current customers (index-only scan of sop_kpi_res_partner_owner_id_idx; a filter
  -- on the rep reaches it through the join)
  LEFT JOIN (
      SELECT p.user_id, count(*) AS customers, avg(COALESCE(p.sop_completeness, 0)) AS completeness
        FROM res_partner p
       WHERE p.sop_managed AND p.active AND p.user_id IS NOT NULL
       GROUP BY p.user_id
  ) o ON o.user_id = m.user_id
  -- of which contacted by them in the month: one range on the follow-ups' date per month
  -- (index-only on sop_kpi_sop_followup_date_idx), a filter on the month reaches it
  LEFT JOIN (
      SELECT f.user_id, mo.month, count(DISTINCT f.partner_id) AS customers
        FROM %(months)s CROSS JOIN LATERAL (
             SELECT f.user_id, f.partner_id FROM sop_followup f
              WHERE f.date >= mo.start AND f.date < mo.stop
             OFFSET 0) f
        JOIN res_partner p ON p.id = f.partner_id AND p.user_id = f.user_id AND p.sop_managed AND p.active
       GROUP BY f.user_id, mo.month
  ) c ON c.user_id = m.user_id AND c.month = m.month
""",
            months=months,
        )
