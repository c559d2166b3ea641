from odoo import fields, models, tools
from odoo.tools import SQL


class SopCampaignReport(models.Model):
    """Source and campaign report (SOP.md §9): leads of each source channel and UTM campaign
    and what became of them, by creation day, so any period can be chosen."""

    _name = "sop.campaign.report"
    _description = "SOP Source and Campaign Report"
    _auto = False
    _order = "date desc"

    date = fields.Date(string="Created On", readonly=True)
    source_id = fields.Many2one("utm.source", string="Source", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    lead_count = fields.Integer(string="Leads", readonly=True)
    valid_lead_count = fields.Integer(string="Valid Leads", readonly=True)
    customer_count = fields.Integer(string="Customers", readonly=True)
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    opportunity_amount = fields.Float(string="Opportunity Amount", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    won_amount = fields.Float(string="Won Amount", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW %s AS (
    SELECT min(l.id) AS id, l.create_date::date AS date, l.source_id, l.campaign_id, l.user_id, l.team_id,
           count(*) AS lead_count,
           count(*) FILTER (WHERE l.sop_lead_type IS DISTINCT FROM 'invalid') AS valid_lead_count,
           count(DISTINCT l.partner_id) AS customer_count,
           count(*) FILTER (WHERE l.type = 'opportunity') AS opportunity_count,
           COALESCE(sum(l.expected_revenue) FILTER (WHERE l.type = 'opportunity'), 0) AS opportunity_amount,
           count(*) FILTER (WHERE st.is_won) AS won_count,
           COALESCE(sum(l.expected_revenue) FILTER (WHERE st.is_won), 0) AS won_amount
      FROM crm_lead l
      LEFT JOIN crm_stage st ON st.id = l.stage_id
     GROUP BY l.create_date::date, l.source_id, l.campaign_id, l.user_id, l.team_id
)""",
                SQL.identifier(self._table),
            )
        )
