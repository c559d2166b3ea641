from odoo import fields, models


class ResPartner(models.Model):
    """Follow-up records of a customer and the "log follow-up" button."""

    _inherit = "res.partner"

    sop_followup_ids = fields.One2many("sop.followup", "partner_id", string="Follow-ups")

    def action_sop_log_followup(self):
        """Open the follow-up dialog for this customer."""
        self.ensure_one()
        return self.env["sop.followup"]._sop_action_log(partner=self.commercial_partner_id)
