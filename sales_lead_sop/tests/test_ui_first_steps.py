from odoo.tests import new_test_user, tagged

from .common import SopHttpCase

ROLE_XMLIDS = (
    "sales_lead_sop.group_sop_rep",
    "sales_lead_sop.group_sop_manager",
    "sales_lead_sop.group_sop_support",
)


class FirstStepsTour:
    """After install, the sales administrator's first steps in Settings bring a database where no
    team uses the SOP, no one holds an SOP role and the company has no country to a working SOP
    team: the team uses the SOP stages and its rep's new opportunity lands in the first of them."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        # a fresh install: the demo's SOP teams, roles and phone country undone
        cls.env["crm.team"].with_context(active_test=False).search([]).write({"sop_use_pipeline": False})
        roles = cls.env["res.groups"].browse([cls.env.ref(xmlid).id for xmlid in ROLE_XMLIDS])
        holders = (
            cls.env["res.users"].with_context(active_test=False).search([("groups_id", "in", roles.ids)])
        )
        # not the template of new users (its groups spread to every user) nor sales administrators
        holders = holders.filtered(
            lambda user: (
                user != cls.env.ref("base.default_user")
                and not user.has_group("sales_team.group_sale_manager")
            )
        )
        holders.write({"groups_id": [(3, group.id) for group in roles]})
        cls.env.company.country_id = False
        cls.env["ir.config_parameter"].set_param("sales_lead_sop.phone_country_id", False)
        if not cls.env.company.alias_domain_id:
            cls.env.company.alias_domain_id = cls.env["mail.alias.domain"].create({"name": "sop-tour.test"})

        cls.sales_admin = new_test_user(
            cls.env,
            "sop_tour_first_steps_admin",
            groups="base.group_user,sales_team.group_sale_manager,base.group_system,base.group_partner_manager",
            lang=cls.lang,
        )
        cls.rep = new_test_user(
            cls.env, "sop_tour_first_steps_rep", groups="base.group_user", name="Tour Rep"
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Tour Export Team", "user_id": cls.sales_admin.id, "member_ids": [(6, 0, cls.rep.ids)]}
        )

    def test_first_steps_bring_a_fresh_database_to_a_working_sop_team(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            (
                settings.sop_setup_team_count,
                settings.sop_setup_phone_country_id,
                settings.sop_setup_role_count,
            ),
            (0, self.env["res.country"], 0),
            "nothing is set up",
        )
        # four screens and back to Settings after each: longer than Odoo's 60 s default on a loaded machine
        self.start_tour("/odoo", "sales_lead_sop_first_steps", login=self.sales_admin.login, timeout=240)

        self.assertTrue(self.team.sop_use_pipeline)
        self.assertEqual(self.env.company.country_id, self.env.ref("base.cn"))
        self.assertTrue(self.rep.has_group("sales_lead_sop.group_sop_rep"))
        self.assertTrue(self.env["res.config.settings"].create({}).sop_setup_done)
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .create({"name": "First SOP opportunity", "type": "opportunity", "team_id": self.team.id})
        )
        self.assertTrue(lead.stage_id.sop_pipeline, "the team works in the SOP stages")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiFirstStepsPhone(FirstStepsTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiFirstStepsDesktop(FirstStepsTour, SopHttpCase):
    browser_size = "1440x900"
