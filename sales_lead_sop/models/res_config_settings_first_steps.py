from odoo import _, api, fields, models

SOP_ALIASES = ("sales_lead_sop.mail_alias_alibaba", "sales_lead_sop.mail_alias_website")


class ResConfigSettings(models.TransientModel):
    """First steps after install, at the top of the CRM settings: what the SOP needs before a
    team can work with it, each step with its state and a link to the screen that does it."""

    _inherit = "res.config.settings"

    sop_setup_team_count = fields.Integer(string="Sales Teams Using the SOP", compute="_compute_sop_setup")
    sop_setup_phone_country_id = fields.Many2one(
        "res.country", string="Country for Phone Numbers", compute="_compute_sop_setup"
    )
    sop_setup_role_count = fields.Integer(string="Users with an SOP Role", compute="_compute_sop_setup")
    sop_setup_alias_emails = fields.Char(string="SOP Mail Aliases", compute="_compute_sop_setup")
    sop_setup_alias_ok = fields.Boolean(compute="_compute_sop_setup")
    sop_setup_done = fields.Boolean(compute="_compute_sop_setup")

    @api.depends("company_id")
    def _compute_sop_setup(self):
        teams = self.env["crm.team"].search_count([("sop_use_pipeline", "=", True)])
        country = self.env["res.partner"]._sop_phone_country()
        # sales administrators hold every SOP role by implication: count the people given one
        roles = self.env["res.users"].search_count(
            [
                ("share", "=", False),
                ("groups_id", "in", self._sop_role_groups().ids),
                ("groups_id", "not in", self.env.ref("sales_team.group_sale_manager").ids),
            ]
        )
        aliases = self._sop_aliases()
        domain = self.env.company.alias_domain_id
        # the aliases match on their local part (alias_incoming_local): the company's domain is enough
        alias_ok = bool(domain) and len(aliases) == len(SOP_ALIASES)
        if alias_ok:
            emails = ", ".join(f"{name}@{domain.name}" for name in aliases.mapped("alias_name"))
        else:
            emails = _("No mail domain: emails to the aliases cannot reach Odoo.")
        for settings in self:
            settings.sop_setup_team_count = teams
            settings.sop_setup_phone_country_id = country
            settings.sop_setup_role_count = roles
            settings.sop_setup_alias_emails = emails
            settings.sop_setup_alias_ok = alias_ok
            settings.sop_setup_done = bool(teams and country and roles and alias_ok)

    def _sop_role_groups(self):
        return (
            self.env.ref("sales_lead_sop.group_sop_rep")
            | self.env.ref("sales_lead_sop.group_sop_manager")
            | self.env.ref("sales_lead_sop.group_sop_support")
        )

    def _sop_aliases(self):
        aliases = self.env["mail.alias"]
        for xmlid in SOP_ALIASES:
            aliases |= self.env.ref(xmlid, raise_if_not_found=False) or aliases
        return aliases

    def action_sop_setup_teams(self):
        return self.env["ir.actions.actions"]._for_xml_id("sales_lead_sop.crm_team_action_sop_setup")

    def action_sop_setup_country(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Company"),
            "res_model": "res.company",
            "view_mode": "form",
            "res_id": self.env.company.id,
        }

    def action_sop_setup_roles(self):
        # The three SOP roles do not form one chain (support is beside rep < manager), so Odoo's
        # user form shows them as checkboxes, and only in developer mode: open Users in it.
        url = "/odoo/action-base.action_res_users?debug=1"
        return {"type": "ir.actions.act_url", "url": url, "target": "self"}

    def action_sop_setup_aliases(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("SOP Mail Aliases"),
            "res_model": "mail.alias",
            "view_mode": "list,form",
            "domain": [("id", "in", self._sop_aliases().ids)],
        }
