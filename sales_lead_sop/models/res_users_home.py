from odoo import api, models

REP_GROUP = "sales_lead_sop.group_sop_rep"
SUPPORT_GROUP = "sales_lead_sop.group_sop_support"
# Sales administrators hold every SOP role; they keep Odoo's home (see _sop_home_action_xmlid).
ADMIN_GROUP = "sales_team.group_sale_manager"


class ResUsers(models.Model):
    """SOP users open on what they work on after login (desktop and phone), not on the Discuss
    inbox: reps and team managers on My Customers, sales support on the pending claim requests.
    Set for a user who gets the role and has no home action yet; a chosen home is kept."""

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

    def _sop_home_action_xmlid(self):
        """The SOP home of this user, or False to keep Odoo's.

        Sales administrators keep Odoo's home: they include the system administrator, who works
        in every app (Settings, Users, Contacts...), and their SOP work is spread over several
        menus, so no single SOP screen is their day. Support decides the claim-request queue
        (SOP.md section 1) before anything else; a user with both roles is support first.
        """
        self.ensure_one()
        if self._has_group(ADMIN_GROUP):
            return False
        if self._has_group(SUPPORT_GROUP):
            return "sales_lead_sop.sop_claim_request_action"
        if self._has_group(REP_GROUP):
            return "sales_lead_sop.res_partner_action_sop_customers"
        return False

    def _sop_default_home_action(self):
        for user in self.filtered(lambda user: not user.action_id):
            xmlid = user._sop_home_action_xmlid()
            action = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
            if action:
                # sudo: whoever grants the role (an administrator or the module loader) sets the
                # home action too, even when their own access to res.users fields is narrower.
                user.sudo().action_id = action.id
