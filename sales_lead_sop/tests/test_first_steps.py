from odoo.tests import new_test_user, tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestFirstSteps(SopCommon):
    """The first steps in Settings read the database's real state, and the Apps menu's default
    filter (applications) finds the module."""

    def settings(self):
        return self.env["res.config.settings"].create({})

    def test_teams_step_counts_the_teams_using_the_sop(self):
        before = self.settings().sop_setup_team_count
        self.assertGreaterEqual(before, 2, "the fixture's two SOP teams")
        self.team_a.sop_use_pipeline = False
        self.assertEqual(self.settings().sop_setup_team_count, before - 1)
        action = self.settings().action_sop_setup_teams()
        self.assertEqual(action["res_model"], "crm.team")

    def test_roles_step_counts_people_given_a_role_not_sales_administrators(self):
        before = self.settings().sop_setup_role_count
        new_test_user(self.env, "sop_first_steps_admin", groups="sales_team.group_sale_manager")
        self.assertEqual(
            self.settings().sop_setup_role_count, before, "administrators hold roles by implication"
        )
        new_test_user(self.env, "sop_first_steps_rep", groups="sales_lead_sop.group_sop_rep")
        self.assertEqual(self.settings().sop_setup_role_count, before + 1)
        new_test_user(self.env, "sop_first_steps_portal", groups="base.group_portal")
        self.assertEqual(self.settings().sop_setup_role_count, before + 1)

    def test_country_step_follows_the_company_or_the_phone_setting(self):
        self.env["ir.config_parameter"].set_param("sales_lead_sop.phone_country_id", False)
        self.env.company.country_id = False
        self.assertFalse(self.settings().sop_setup_phone_country_id)
        self.assertFalse(self.settings().sop_setup_done)
        self.env.company.country_id = self.country_cn
        self.assertEqual(self.settings().sop_setup_phone_country_id, self.country_cn)
        action = self.settings().action_sop_setup_country()
        self.assertEqual((action["res_model"], action["res_id"]), ("res.company", self.env.company.id))

    def test_alias_step_needs_a_mail_domain_and_names_both_addresses(self):
        self.env.company.alias_domain_id = False
        settings = self.settings()
        self.assertFalse(settings.sop_setup_alias_ok)
        self.assertIn("No mail domain", settings.sop_setup_alias_emails)
        self.env.company.alias_domain_id = self.env["mail.alias.domain"].create({"name": "sop-steps.test"})
        settings = self.settings()
        self.assertTrue(settings.sop_setup_alias_ok)
        self.assertEqual(
            settings.sop_setup_alias_emails, "sop-alibaba@sop-steps.test, sop-website@sop-steps.test"
        )
        aliases = self.env["mail.alias"].search(settings.action_sop_setup_aliases()["domain"])
        self.assertEqual(sorted(aliases.mapped("alias_name")), ["sop-alibaba", "sop-website"])

    def test_apps_default_filter_finds_the_module(self):
        # the Apps menu opens with the "Apps" filter (application = True) and searches the name
        found = self.env["ir.module.module"].search(
            [("application", "=", True), ("shortdesc", "ilike", "Sales Lead SOP")]
        )
        self.assertEqual(found.mapped("name"), ["sales_lead_sop"])
        self.assertNotIn("example.com", found.website or "")
