from odoo import api, fields, models


class ResPartner(models.Model):
    """A rep (or team manager) only reaches the SOP customers of their scope (record rules,
    SOP §1), so an SOP customer they enter without saying whose it is becomes theirs (it
    enters their private pool, within their capacity), instead of a public customer they
    could not open."""

    _inherit = "res.partner"

    # The rules reach a contact through its company: a join lets PostgreSQL start from the
    # rep's few customers, where a sub-query selects every non-SOP partner (1.1 s instead of
    # 15 ms for "My customers" at a million customers, see bench/ACCESS.md).
    commercial_partner_id = fields.Many2one(auto_join=True)

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
