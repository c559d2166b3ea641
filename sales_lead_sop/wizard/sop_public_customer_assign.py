from odoo import fields, models


class SopPublicCustomerAssign(models.TransientModel):
    """Assign public-pool customers to a rep of a team the manager leads (分配), from the
    public-pool screen. Managers reach public customers through sop.public.customer only
    (claim fields), so the wizard lists those rows and calls `res.partner.sop_assign`,
    which checks the team, the capacity and logs the move."""

    _name = "sop.public.customer.assign"
    _description = "Assign Public Pool Customers"

    customer_ids = fields.Many2many("sop.public.customer", string="Customers", required=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, domain=[("share", "=", False)]
    )
    override_capacity = fields.Boolean(
        string="Override Capacity", help="Assign even if the salesperson would exceed the capacity."
    )
    reason = fields.Char()

    def action_assign(self):
        self.ensure_one()
        partners = self.env["res.partner"].browse(self.customer_ids.ids)  # rows share the partner ids
        partners.sop_assign(self.user_id, reason=self.reason, override_capacity=self.override_capacity)
        return {"type": "ir.actions.act_window_close"}
