from odoo import fields, models


class SopPartnerRelease(models.TransientModel):
    """Collects the reason of a release (放弃) and calls `res.partner.sop_release`."""

    _name = "sop.partner.release"
    _description = "Release Customers to the Public Pool"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    reason_id = fields.Many2one("sop.release.reason", string="Reason")
    note = fields.Char(string="Details")

    def action_release(self):
        self.ensure_one()
        reason = " - ".join(filter(None, [self.reason_id.name, (self.note or "").strip()]))
        self.partner_ids.sop_release(reason)
        return {"type": "ir.actions.act_window_close"}
