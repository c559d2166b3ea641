from odoo import api, fields, models

CONDITIONS = [
    ("no_contact", "No contact"),
    ("no_contact_since_entry", "No contact since entering the private pool"),
    ("no_visit", "No visit"),
    ("no_deal", "No deal"),
]


class SopRecycleRule(models.Model):
    """A recycling rule (回收规则): a private customer matching it returns to the public pool
    `days` after its reference date (last contact, entry, last visit, last won deal).
    Customers whose group has 0 recycle days (key accounts, bulk) are exempt unless a rule
    names their group explicitly. Rules apply to customers; leads return to their pool after
    the lead recycle days of the settings (sales_lead_sop.lead_recycle_days)."""

    _name = "sop.recycle.rule"
    _description = "SOP Recycling Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    condition = fields.Selection(CONDITIONS, required=True, default="no_contact")
    days = fields.Integer(
        default=0,
        help="Days after the reference date. For 'No contact', 0 means the recycle days of the "
        "customer's group.",
    )
    group_ids = fields.Many2many(
        "sop.customer.group",
        string="Customer Groups",
        help="Groups this rule applies to; empty means every group that is not exempt.",
    )
    warn_days = fields.Integer(
        string="Warn Before (days)",
        default=7,
        help="The owner gets an activity this many days before the customer would be recycled.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("days_positive", "check(days >= 0)", "The days of a recycling rule cannot be negative."),
        ("warn_days_positive", "check(warn_days >= 0)", "The warning days cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env["res.partner"]._sop_update_recycle_date_all()
        return rules

    def write(self, vals):
        res = super().write(vals)
        if {"condition", "days", "group_ids", "active"} & set(vals):
            self.env["res.partner"]._sop_update_recycle_date_all()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["res.partner"]._sop_update_recycle_date_all()
        return res

    def action_preview(self):
        """Dry run: what the recycling job would do if this rule were active as it is now."""
        self.ensure_one()
        return self.env["sop.recycle.preview"].create({"rule_id": self.id})._action_open()
