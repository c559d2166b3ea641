from odoo import api, models


class ResPartner(models.Model):
    """A rep (or team manager) only reaches the SOP customers of their scope (record rules,
    SOP §1), so an SOP customer they enter without saying whose it is becomes theirs (it
    enters their private pool, within their capacity), instead of a public customer they
    could not open."""

    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        # sales support and administrators read public customers: theirs stay as entered
        if (
            not self.env.su
            and user.has_group("sales_lead_sop.group_sop_rep")
            and not user.has_group("sales_lead_sop.group_sop_support")
        ):
            for vals in vals_list:
                if vals.get("sop_managed") and not vals.get("parent_id") and "user_id" not in vals:
                    vals["user_id"] = self.env.uid
        return super().create(vals_list)
