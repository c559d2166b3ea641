from odoo import fields, models


class SopPartnerPause(models.TransientModel):
    """Collects the note for pausing customers ("暂时不需要"); the rule is in res.partner."""

    _name = "sop.partner.pause"
    _description = "Pause SOP Customers"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    note = fields.Text(required=True)

    def action_pause(self):
        self.ensure_one()
        self.partner_ids.action_sop_pause(self.note)
        return {"type": "ir.actions.act_window_close"}
