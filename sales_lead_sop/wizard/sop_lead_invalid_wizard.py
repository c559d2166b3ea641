from odoo import fields, models


class SopLeadInvalidWizard(models.TransientModel):
    """Mark leads invalid with a reason: they leave the list (archived, never deleted)."""

    _name = "sop.lead.invalid.wizard"
    _description = "Mark Leads Invalid"

    lead_ids = fields.Many2many("crm.lead", string="Leads", required=True)
    reason_id = fields.Many2one("sop.lead.invalid.reason", string="Reason", required=True)

    def action_apply(self):
        self.lead_ids.write({"sop_lead_type": "invalid", "sop_invalid_reason_id": self.reason_id.id})
        return {"type": "ir.actions.act_window_close"}
