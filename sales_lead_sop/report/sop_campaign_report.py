from datetime import date, timedelta

from odoo import api, fields, models, tools
from odoo.models import parse_read_group_spec
from odoo.tools import SQL

from .sop_report_sql import LEAD_INDEX, create_indexes, sop_report_session

# rate measures, recomputed from each group's own totals by _read_group_select (a mean of
# per-row rates would weigh rows wrongly): rate = 100 * numerator / denominator
RATES = {
    "valid_lead_rate": ("SUM(%(valid)s)", "SUM(%(leads)s)"),
    "lead_customer_rate": ("COUNT(DISTINCT %(customer)s)", "SUM(%(leads)s)"),
    "customer_opportunity_rate": (
        "COUNT(DISTINCT %(customer)s) FILTER (WHERE %(opps)s = 1)",
        "COUNT(DISTINCT %(customer)s)",
    ),
    "opportunity_won_rate": ("SUM(%(won)s)", "SUM(%(opps)s)"),
}


class SopCampaignReport(models.Model):
    """Source and campaign report (SOP.md §9): one row per lead or opportunity with what
    became of it, dated by its creation day in the company's time zone, so any period and
    any grouping add up.

    Customers are counted once per group (a customer with three inquiries is one customer),
    and the rates are recomputed from each group's totals by `_read_group_select`.
    """

    _name = "sop.campaign.report"
    _description = "SOP Source and Campaign Report"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "lead_id"

    lead_id = fields.Many2one("crm.lead", string="Lead", readonly=True)
    date = fields.Date(string="Created On", readonly=True)
    source_id = fields.Many2one("utm.source", string="Source", readonly=True)
    source_class_id = fields.Many2one("sop.source.class", string="Source Class", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", readonly=True)
    medium_id = fields.Many2one("utm.medium", string="Medium", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    customer_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    lead_count = fields.Integer(string="Leads", readonly=True)
    valid_lead_count = fields.Integer(string="Valid Leads", readonly=True)
    customer_count = fields.Integer(
        string="Customers",
        readonly=True,
        help="Distinct customers the leads belong to or were converted into.",
    )
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    opportunity_amount = fields.Float(string="Opportunity Amount", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    won_amount = fields.Float(string="Won Amount", readonly=True)
    valid_lead_rate = fields.Float(string="Valid Leads (%)", readonly=True, aggregator="avg")
    lead_customer_rate = fields.Float(
        string="Lead to Customer (%)", readonly=True, aggregator="avg", help="Customers per 100 leads."
    )
    customer_opportunity_rate = fields.Float(
        string="Customer to Opportunity (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the customers with an opportunity.",
    )
    opportunity_won_rate = fields.Float(
        string="Opportunity to Won (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the opportunities won.",
    )

    @api.model
    def _search(self, domain, *args, **kwargs):
        """A period on the local `date` also bounds the lead's UTC creation time, one day wider
        (time zones are within 14 hours of UTC), so the leads are read by an index range on
        `crm_lead.create_date` instead of converting every lead's date. Only on a conjunction,
        where the bound is implied by the date's own condition."""
        sop_report_session(self.env.cr)
        query = super()._search(domain, *args, **kwargs)
        domain = list(domain or [])
        if all(isinstance(leaf, (list, tuple)) or leaf == "&" for leaf in domain):
            column = SQL.identifier(self._table, "create_datetime")
            for leaf in domain:
                if not (isinstance(leaf, (list, tuple)) and len(leaf) == 3 and leaf[0] == "date"):
                    continue
                operator, value = leaf[1], leaf[2]
                try:
                    day = fields.Date.to_date(value)
                except (TypeError, ValueError):
                    continue
                if not isinstance(day, date):
                    continue
                if operator in (">=", ">", "="):
                    query.add_where(SQL("%s >= %s", column, day - timedelta(days=1)))
                if operator in ("<", "<=", "="):
                    query.add_where(SQL("%s < %s", column, day + timedelta(days=2)))
        return query

    def _read_group_select(self, aggregate_spec, query):
        fname, __, __ = parse_read_group_spec(aggregate_spec)
        if fname == "customer_count":
            return SQL("COUNT(DISTINCT %s)", self._field_to_sql(self._table, "customer_id", query))
        if fname in RATES:
            self._field_to_sql(self._table, fname, query)  # access check of the measure itself
            columns = {
                key: self._field_to_sql(self._table, name, query)
                for key, name in (
                    ("valid", "valid_lead_count"),
                    ("leads", "lead_count"),
                    ("customer", "customer_id"),
                    ("opps", "opportunity_count"),
                    ("won", "won_count"),
                )
            }
            numerator, denominator = (SQL(part, **columns) for part in RATES[fname])
            return SQL("COALESCE(100.0 * %s / NULLIF(%s, 0), 0)", numerator, denominator)
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        create_indexes(self.env.cr, [LEAD_INDEX])
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW %s AS (
    SELECT l.id, l.id AS lead_id, ((l.create_date AT TIME ZONE 'UTC') AT TIME ZONE tz.name)::date AS date,
           l.create_date AS create_datetime,
           l.source_id, src.sop_class_id AS source_class_id, l.campaign_id, l.medium_id, l.user_id, l.team_id,
           l.sop_customer_id AS customer_id,
           1 AS lead_count,
           (l.sop_lead_type IS DISTINCT FROM 'invalid')::int AS valid_lead_count,
           (l.partner_id IS NOT NULL)::int AS customer_count,
           (l.type = 'opportunity')::int AS opportunity_count,
           CASE WHEN l.type = 'opportunity' THEN COALESCE(l.expected_revenue, 0) ELSE 0 END
               AS opportunity_amount,
           (l.type = 'opportunity' AND COALESCE(st.is_won, false))::int AS won_count,
           -- the order amount recorded on won (SOP.md §6), else the expected revenue
           CASE WHEN l.type = 'opportunity' AND st.is_won
                THEN COALESCE(NULLIF(l.sop_order_amount, 0), l.expected_revenue, 0) ELSE 0 END
               AS won_amount,
           -- per-row rates (a single lead); groups recompute them in _read_group_select
           CASE WHEN l.sop_lead_type IS DISTINCT FROM 'invalid' THEN 100.0 ELSE 0 END AS valid_lead_rate,
           CASE WHEN l.partner_id IS NOT NULL THEN 100.0 ELSE 0 END AS lead_customer_rate,
           CASE WHEN l.partner_id IS NOT NULL AND l.type = 'opportunity' THEN 100.0 ELSE 0 END
               AS customer_opportunity_rate,
           CASE WHEN l.type = 'opportunity' AND st.is_won THEN 100.0 ELSE 0 END AS opportunity_won_rate
      FROM crm_lead l
      LEFT JOIN crm_stage st ON st.id = l.stage_id
      LEFT JOIN utm_source src ON src.id = l.source_id
     CROSS JOIN %s tz(name)
)""",
                SQL.identifier(self._table),
                self.env["sop.kpi.scorecard"]._sop_timezone_sql(),
            )
        )
