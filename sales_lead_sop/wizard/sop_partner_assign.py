from odoo import fields, models


class SopPartnerAssign(models.TransientModel):
    """Collects the new owner of a bulk assignment (分配) and calls `res.partner.sop_assign`."""

    _name = "sop.partner.assign"
    _description = "Assign Customers"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, domain=[("share", "=", False)]
    )
    override_capacity = fields.Boolean(
        string="Override Capacity", help="Assign even if the salesperson would exceed the capacity."
    )
    reason = fields.Char()

    def _partners_to_assign(self):
        return self.partner_ids

    def action_assign(self):
        self.ensure_one()
        self._partners_to_assign().sop_assign(
            self.user_id, reason=self.reason, override_capacity=self.override_capacity
        )
        return {"type": "ir.actions.act_window_close"}
