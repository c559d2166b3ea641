from odoo import models


class IrUiMenu(models.Model):
    """SOP users get one Customers menu, the SOP's (CRM > Customers): Odoo's own Sales >
    Customers (every contact, outside the SOP) is hidden for them, kept for everybody else.
    Likewise one Leads menu, the SOP's."""

    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        res = super()._load_menus_blacklist()
        user = self.env.user
        if user._has_group("sales_lead_sop.group_sop_rep") or user._has_group(
            "sales_lead_sop.group_sop_support"
        ):
            menu = self.env.ref("crm.res_partner_menu_customer", raise_if_not_found=False)
            if menu:
                res.append(menu.id)
        # With Odoo's "use leads" option on, reps and managers would see two Leads menus: they
        # keep the SOP's (My Leads, Team Leads, Lead Pools); sales administrators keep both.
        if user._has_group("sales_lead_sop.group_sop_rep") and not user._has_group(
            "sales_team.group_sale_manager"
        ):
            menu = self.env.ref("crm.crm_menu_leads", raise_if_not_found=False)
            if menu:
                res.append(menu.id)
        return res
