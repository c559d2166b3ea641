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
        partners = super().create(vals_list)
        partners._sop_assign_code()
        return partners

    def write(self, vals):
        if "sop_code" in vals and not self.env.context.get("sop_assigning_code"):
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
            partner.with_context(sop_assigning_code=True).sop_code = number
