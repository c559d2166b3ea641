from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """Customer number (客户编号): region code + industry code + year + serial, drawn once."""

    _inherit = "res.partner"

    sop_code = fields.Char(string="Customer Number", readonly=True, copy=False)

    _sql_constraints = [
        ("sop_code_uniq", "unique(sop_code)", "A customer number is unique and never reused."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # a number chosen by the caller could squat the next customer's: the system draws it
        if not self.env.su and any(vals.get("sop_code") for vals in vals_list):
            raise UserError(
                self.env._("The customer number is drawn by the system when the customer is saved.")
            )
        partners = super().create(vals_list)
        partners._sop_assign_code()
        return partners

    def write(self, vals):
        # only _sop_assign_code writes the number, in superuser mode
        if "sop_code" in vals and not self.env.su:
            raise UserError(
                self.env._("The customer number is assigned by the system and cannot be changed.")
            )
        result = super().write(vals)
        if vals.get("sop_managed"):
            self._sop_assign_code()
        return result

    def _sop_assign_code(self):
        """Give every SOP company without a number its number (contacts get none)."""
        Numbers = self.env["sop.customer.number"]
        Regions = self.env["sop.region.code"].sudo()  # mapping is configuration, readable to compute numbers
        for partner in self.filtered(lambda p: p.sop_managed and not p.sop_code and not p.parent_id):
            region = Regions._sop_region_code(partner)
            industry = partner.industry_id.sop_code or "XX"
            year = fields.Date.context_today(partner).year
            # The counter is an internal table; reps may not write it but every entry needs a number.
            number = Numbers.sudo()._next_number(f"{region}-{industry}-{year}")
            # sudo: the number is written only here, drawn from the counter just above
            partner.sudo().sop_code = number
