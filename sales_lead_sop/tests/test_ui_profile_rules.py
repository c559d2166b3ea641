from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class ProfileRulesTour:
    """On the screen: the admin makes the fax a required profile field and a rep then enters a
    customer with it; a rep wins an opportunity and its customer shows the group move."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.cn")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.env["ir.config_parameter"].set_param("base_setup.show_effect", False)  # no rainbow man
        cls.env["utm.source"].create({"name": "Tour Expo Source"})
        cls.env["product.template"].create({"name": "Tour LED Panel"})
        cls.rep = new_test_user(
            cls.env, f"sop_tour_profile_rep_{cls.lang}", groups="sales_lead_sop.group_sop_rep", lang=cls.lang
        )

    def test_admin_requires_fax_then_rep_enters_a_customer(self):
        admin = new_test_user(
            self.env,
            "sop_tour_profile_admin",
            groups="base.group_user,sales_team.group_sale_manager",
            lang=self.lang,
        )
        fax = (
            self.env["sop.profile.field"].with_context(active_test=False).search([("field_name", "=", "fax")])
        )
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_profile_field_action",
            "sales_lead_sop_admin_require_fax",
            login=admin.login,
        )
        fax.invalidate_recordset()  # written by the browser's requests
        self.assertTrue(fax.active and fax.required)
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_customers",
            "sales_lead_sop_rep_create_with_fax",
            login=self.rep.login,
        )
        customer = self.env["res.partner"].search([("name", "=", "Tour Fax Imports 传真进出口有限公司")])
        self.assertEqual((customer.user_id, customer.fax), (self.rep, "0512 6123 4567"))

    def test_rep_wins_and_sees_the_group_move(self):
        intent = self.env.ref("sales_lead_sop.customer_group_intent")
        customer = self.env["res.partner"].create(
            {
                "name": "Tour Group Move Co",
                "is_company": True,
                "sop_managed": True,
                "user_id": self.rep.id,
                "sop_short_name": "GroupMove",
                "sop_source_id": self.env.ref("sales_lead_sop.utm_source_alibaba").id,
                "sop_customer_type": "trader",
                "sop_group_id": intent.id,
                "sop_product_ids": [(0, 0, {"name": "Tour Group Move Product"})],
                "country_id": self.env.ref("base.cn").id,
            }
        )
        team = self.env["crm.team"].create(
            {"name": "Tour Group Move Team", "sop_use_pipeline": True, "member_ids": [(6, 0, self.rep.ids)]}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour Group Move Opportunity",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": self.rep.id,
                "team_id": team.id,
                "expected_revenue": 12000,
            }
        )
        self.start_tour(
            f"/odoo/crm.lead/{lead.id}", "sales_lead_sop_rep_won_group_move", login=self.rep.login
        )
        self.assertTrue(lead.stage_id.is_won)
        self.assertEqual(customer.sop_group_id, self.env.ref("sales_lead_sop.customer_group_first_deal"))
        self.start_tour(
            f"/odoo/res.partner/{customer.id}",
            "sales_lead_sop_rep_customer_group_moved",
            login=self.rep.login,
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiProfileRulesPhone(ProfileRulesTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiProfileRulesDesktop(ProfileRulesTour, SopHttpCase):
    browser_size = "1440x900"
