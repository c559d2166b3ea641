from odoo import fields, models


class SopLeadAssign(models.TransientModel):
    """A manager assigns leads in batch (分配); each move is logged and the rep notified."""

    _name = "sop.lead.assign"
    _description = "Assign Leads"

    lead_ids = fields.Many2many("crm.lead", string="Leads", required=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, domain=[("share", "=", False)]
    )
    reason = fields.Char()

    def action_apply(self):
        self.lead_ids._sop_assign(self.user_id, reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
