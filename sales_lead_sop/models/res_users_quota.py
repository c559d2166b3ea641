from odoo import fields, models


class ResUsers(models.Model):
    """Daily work quotas of a salesperson [004 规则]: the company's (Settings) unless a sales
    administrator sets this rep's own."""

    _inherit = "res.users"

    sop_quota_daily_followups = fields.Integer(
        string="Daily Follow-ups Quota",
        groups="sales_team.group_sale_manager",
        help="Follow-ups this salesperson logs per day; 0 uses the company's quota (Settings).",
    )
    sop_quota_daily_customers = fields.Integer(
        string="Daily New Customers Quota",
        groups="sales_team.group_sale_manager",
        help="New customers this salesperson enters per day; 0 uses the company's quota (Settings).",
    )

    def _sop_daily_quotas(self):
        """{user id: (follow-ups, new customers)} quotas of these users, override or setting.

        :config: sales_lead_sop.quota_daily_followups (32), sales_lead_sop.quota_daily_customers (5)
        """
        settings = self.env["sop.settings"]
        followups = settings._get_int("quota_daily_followups")
        customers = settings._get_int("quota_daily_customers")
        # sudo: the quotas are readable by the rep they concern and their manager (the scorecard
        # rows of this user were already filtered by its record rules); only admins edit them
        return {
            user.id: (
                user.sop_quota_daily_followups or followups,
                user.sop_quota_daily_customers or customers,
            )
            for user in self.sudo()
        }
