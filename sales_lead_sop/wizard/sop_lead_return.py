from odoo import fields, models

RETURN_REASONS = [
    ("unreachable", "Unreachable"),
    ("wrong_person", "Wrong Person"),
    ("not_my_area", "Not My Industry or Region"),
    ("other", "Other"),
]


class SopLeadReturn(models.TransientModel):
    """A rep returns leads to their pool (退回) with a reason."""

    _name = "sop.lead.return"
    _description = "Return Leads to Pool"

    lead_ids = fields.Many2many("crm.lead", string="Leads", required=True)
    reason = fields.Selection(RETURN_REASONS, required=True, default="unreachable")
    note = fields.Char()

    def action_apply(self):
        label = dict(self._fields["reason"]._description_selection(self.env))[self.reason]
        self.lead_ids._sop_return(f"{label}: {self.note}" if self.note else label)
        return {"type": "ir.actions.act_window_close"}
