from odoo import api, models

REP_GROUP = "sales_lead_sop.group_sop_rep"
# Sales administrators also hold the rep group (every SOP role); they keep Odoo's home.
ADMIN_GROUP = "sales_team.group_sale_manager"


class ResUsers(models.Model):
    """A sales rep opens on their SOP customers after login (desktop and phone), not on the
    Discuss inbox: a user who becomes a rep or a team manager (not a sales administrator) and
    has no home action gets My Customers."""

    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._sop_default_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._sop_default_home_action()
        return res

    def _sop_default_home_action(self):
        reps = self.filtered(
            lambda user: (
                not user.action_id and user._has_group(REP_GROUP) and not user._has_group(ADMIN_GROUP)
            )
        )
        if reps:
            action = self.env.ref("sales_lead_sop.res_partner_action_sop_customers", raise_if_not_found=False)
            if action:
                # sudo: whoever grants the role (an administrator or the module loader) sets the
                # home action too, even when their own access to res.users fields is narrower.
                reps.sudo().action_id = action.id
