from odoo import fields, models


class SopPublicCustomerAssign(models.TransientModel):
    """The assignment wizard (分配) opened from the public-pool screen. Managers reach public
    customers through sop.public.customer only (claim fields), so the wizard lists those rows;
    `res.partner.sop_assign` still checks the team, the capacity and logs the move."""

    _name = "sop.public.customer.assign"
    _inherit = "sop.partner.assign"
    _description = "Assign Public Pool Customers"

    partner_ids = fields.Many2many(required=False)
    customer_ids = fields.Many2many("sop.public.customer", string="Public-Pool Customers", required=True)

    def _partners_to_assign(self):
        return self.env["res.partner"].browse(self.customer_ids.ids)  # rows share the partner ids
