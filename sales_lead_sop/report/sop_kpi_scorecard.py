from odoo import api, fields, models, tools
from odoo.tools import SQL

# (count field, target setting key) pairs whose miss is highlighted in the scorecard
TARGETS = {
    "lead_count": "kpi_target_leads",
    "customer_count": "kpi_target_customers",
    "opp_existing_count": "kpi_target_opp_existing",
    "opp_new_count": "kpi_target_opp_new",
    "alibaba_on_time_rate": "kpi_target_alibaba_on_time",
    "first_followup_on_time_rate": "kpi_target_first_followup_on_time",
    "coverage_rate": "kpi_target_coverage",
    "completeness": "kpi_target_completeness",
}


class SopKpiScorecard(models.Model):
    """KPI scorecard per rep, team and month (SOP.md §9), a read-only SQL view.

    Each event counts for the team it happened in (the lead's or customer's team), so a rep
    who changed teams mid-month has one row per team. Coverage and completeness are about
    the rep's current customers and repeat on each of the rep's rows of the month.
    """

    _name = "sop.kpi.scorecard"
    _description = "SOP KPI Scorecard"
    _auto = False
    _order = "month desc, user_id"
    _rec_name = "user_id"

    month = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    lead_count = fields.Integer(string="Leads Created", readonly=True)
    customer_count = fields.Integer(string="New Customers", readonly=True)
    opp_existing_count = fields.Integer(string="Opportunities (Existing Customers)", readonly=True)
    opp_new_count = fields.Integer(string="Opportunities (New Customers)", readonly=True)
    won_count = fields.Integer(string="Won Opportunities", readonly=True)
    won_amount = fields.Float(string="Won Amount", readonly=True)
    alibaba_count = fields.Integer(string="Alibaba Inquiries Due", readonly=True)
    alibaba_on_time_count = fields.Integer(string="Alibaba Processed On Time", readonly=True)
    alibaba_on_time_rate = fields.Float(string="Alibaba On Time (%)", readonly=True, aggregator="avg")
    first_followup_on_time_rate = fields.Float(
        string="First Follow-up On Time (%)", readonly=True, aggregator="avg"
    )
    coverage_rate = fields.Float(string="Follow-up Coverage (%)", readonly=True, aggregator="avg")
    completeness = fields.Float(string="Average Profile Completeness", readonly=True, aggregator="avg")
    lead_customer_rate = fields.Float(string="Lead to Customer (%)", readonly=True, aggregator="avg")
    lead_opportunity_rate = fields.Float(string="Lead to Opportunity (%)", readonly=True, aggregator="avg")
    lead_won_rate = fields.Float(string="Lead to Won (%)", readonly=True, aggregator="avg")
    missed_target_count = fields.Integer(
        string="Missed Targets", compute="_compute_missed_targets", help="Targets are set in Settings."
    )
    missed_targets = fields.Char(string="Missed", compute="_compute_missed_targets")

    @api.depends(*TARGETS)
    def _compute_missed_targets(self):
        config = self.env["sop.cadence.config"]
        targets = {name: config._get(key) for name, key in TARGETS.items()}
        for row in self:
            missed = [name for name, target in targets.items() if row[name] < target]
            row.missed_target_count = len(missed)
            row.missed_targets = ", ".join(
                self._fields[name].get_description(self.env)["string"] for name in missed
            )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        return SQL(
            """
WITH events AS (
    -- leads created (not opportunities created as such), and what became of them (cohort
    -- of the creation month); Alibaba and first follow-up count once decided (on time or late)
    SELECT l.user_id, l.team_id, date_trunc('month', l.create_date)::date AS month,
           1 AS leads, 0 AS customers, 0 AS opp_existing, 0 AS opp_new, 0 AS won, 0.0 AS won_amount,
           (l.source_id = src.id AND l.sop_processing_state IN ('on_time', 'late'))::int AS alibaba,
           (l.source_id = src.id AND l.sop_processing_state = 'on_time')::int AS alibaba_on_time,
           (l.partner_id IS NOT NULL)::int AS lead_customer,
           (l.type = 'opportunity')::int AS lead_opp,
           (COALESCE(st.is_won, false))::int AS lead_won,
           0 AS ff, 0 AS ff_on_time
      FROM crm_lead l
      LEFT JOIN crm_stage st ON st.id = l.stage_id
      LEFT JOIN (SELECT res_id AS id FROM ir_model_data
                  WHERE module = 'sales_lead_sop' AND name = 'utm_source_alibaba') src ON true
     WHERE l.user_id IS NOT NULL AND (l.type = 'lead' OR l.date_conversion IS NOT NULL)
    UNION ALL
    -- new customers and their first follow-up, in the owner's current team (partners carry
    -- no team without the sale app)
    SELECT p.user_id, u.sale_team_id, date_trunc('month', p.create_date)::date,
           0, 1, 0, 0, 0, 0.0, 0, 0, 0, 0, 0,
           (p.sop_first_followup_state IN ('on_time', 'late'))::int,
           (p.sop_first_followup_state = 'on_time')::int
      FROM res_partner p
      JOIN res_users u ON u.id = p.user_id
     WHERE p.sop_managed AND p.user_id IS NOT NULL
    UNION ALL
    -- opportunities, in the month they were created or converted; "new" when the
    -- customer was created in that same month
    SELECT o.user_id, o.team_id, date_trunc('month', COALESCE(o.date_conversion, o.create_date))::date,
           0, 0,
           (date_trunc('month', cp.create_date)
                < date_trunc('month', COALESCE(o.date_conversion, o.create_date)))::int,
           (cp.id IS NULL OR date_trunc('month', cp.create_date)
                >= date_trunc('month', COALESCE(o.date_conversion, o.create_date)))::int,
           0, 0.0, 0, 0, 0, 0, 0, 0, 0
      FROM crm_lead o
      LEFT JOIN res_partner pp ON pp.id = o.partner_id
      LEFT JOIN res_partner cp ON cp.id = COALESCE(pp.commercial_partner_id, pp.id)
     WHERE o.type = 'opportunity' AND o.user_id IS NOT NULL
    UNION ALL
    -- won opportunities in their closing month (a reopened one has lost its won stage)
    SELECT w.user_id, w.team_id, date_trunc('month', w.date_closed)::date,
           0, 0, 0, 0, 1, COALESCE(w.expected_revenue, 0), 0, 0, 0, 0, 0, 0, 0
      FROM crm_lead w
      JOIN crm_stage ws ON ws.id = w.stage_id AND ws.is_won
     WHERE w.type = 'opportunity' AND w.user_id IS NOT NULL AND w.date_closed IS NOT NULL
),
monthly AS (
    SELECT user_id, team_id, month,
           sum(leads) AS leads, sum(customers) AS customers, sum(opp_existing) AS opp_existing,
           sum(opp_new) AS opp_new, sum(won) AS won, sum(won_amount) AS won_amount,
           sum(alibaba) AS alibaba, sum(alibaba_on_time) AS alibaba_on_time,
           sum(lead_customer) AS lead_customer, sum(lead_opp) AS lead_opp, sum(lead_won) AS lead_won,
           sum(ff) AS ff, sum(ff_on_time) AS ff_on_time
      FROM events
     GROUP BY user_id, team_id, month
),
owned AS (
    SELECT p.user_id, count(*) AS customers, avg(COALESCE(p.sop_completeness, 0)) AS completeness
      FROM res_partner p
     WHERE p.sop_managed AND p.user_id IS NOT NULL AND p.active
     GROUP BY p.user_id
),
contacted AS (
    SELECT p.user_id, date_trunc('month', f.date)::date AS month, count(DISTINCT p.id) AS customers
      FROM sop_followup f
      JOIN res_partner p ON p.id = f.partner_id AND p.user_id = f.user_id AND p.sop_managed AND p.active
     GROUP BY p.user_id, date_trunc('month', f.date)
)
SELECT row_number() OVER (ORDER BY m.month, m.user_id, m.team_id) AS id,
       m.month, m.user_id, m.team_id,
       m.leads AS lead_count, m.customers AS customer_count,
       m.opp_existing AS opp_existing_count, m.opp_new AS opp_new_count,
       m.won AS won_count, m.won_amount,
       m.alibaba AS alibaba_count, m.alibaba_on_time AS alibaba_on_time_count,
       CASE WHEN m.alibaba > 0 THEN 100.0 * m.alibaba_on_time / m.alibaba ELSE 100.0 END
           AS alibaba_on_time_rate,
       CASE WHEN m.ff > 0 THEN 100.0 * m.ff_on_time / m.ff ELSE 100.0 END AS first_followup_on_time_rate,
       CASE WHEN COALESCE(o.customers, 0) > 0 THEN 100.0 * COALESCE(c.customers, 0) / o.customers
            ELSE 100.0 END AS coverage_rate,
       COALESCE(o.completeness, 0) AS completeness,
       CASE WHEN m.leads > 0 THEN 100.0 * m.lead_customer / m.leads ELSE 0 END AS lead_customer_rate,
       CASE WHEN m.leads > 0 THEN 100.0 * m.lead_opp / m.leads ELSE 0 END AS lead_opportunity_rate,
       CASE WHEN m.leads > 0 THEN 100.0 * m.lead_won / m.leads ELSE 0 END AS lead_won_rate
  FROM monthly m
  LEFT JOIN owned o ON o.user_id = m.user_id
  LEFT JOIN contacted c ON c.user_id = m.user_id AND c.month = m.month
"""
        )
