from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class CustomerCreateTour:
    """A rep creates a customer from My Customers, in English and in Chinese; a name another
    rep owns is refused on save (the duplicate block)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.cn")  # a new customer is in China by default
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.env["utm.source"].create({"name": "Tour Expo Source"})
        cls.env["product.template"].create({"name": "Tour LED Panel"})
        cls.colleague = new_test_user(
            cls.env, "sop_tour_colleague", groups="sales_lead_sop.group_sop_rep", name="Tour Colleague Rep"
        )
        cls.env["res.partner"].create(
            {
                "name": "Tour Colleague Holdings Co., Ltd.",
                "is_company": True,
                "sop_managed": True,
                "user_id": cls.colleague.id,
                "sop_short_name": "Colleague",
                "sop_source_id": cls.env.ref("sales_lead_sop.utm_source_alibaba").id,
                "sop_customer_type": "trader",
                "sop_group_id": cls.env.ref("sales_lead_sop.customer_group_potential").id,
                "sop_product_ids": [(0, 0, {"name": "Tour Colleague Product"})],
                "country_id": cls.env.ref("base.cn").id,
            }
        )

    def _run(self, lang):
        rep = new_test_user(
            self.env, f"sop_tour_creator_{lang}", groups="sales_lead_sop.group_sop_rep", lang=lang
        )
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_customers",
            "sales_lead_sop_rep_create_customer",
            login=rep.login,
        )
        created = self.env["res.partner"].search([("name", "=", "Tour Trading 途尔贸易有限公司")])
        self.assertEqual(created.user_id, rep)
        self.assertTrue(created.sop_managed and created.sop_code)
        self.assertFalse(
            self.env["res.partner"].search_count(
                [("name", "=", "Tour Colleague Holdings Co., Ltd."), ("user_id", "!=", self.colleague.id)]
            )
        )

    def test_rep_creates_customer_in_english(self):
        self._run("en_US")

    def test_rep_creates_customer_in_chinese(self):
        self._run("zh_CN")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiCustomerCreatePhone(CustomerCreateTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiCustomerCreateDesktop(CustomerCreateTour, SopHttpCase):
    browser_size = "1440x900"
