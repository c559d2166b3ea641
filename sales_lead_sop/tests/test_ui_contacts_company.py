from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class ContactsCompanyTour:
    """A rep creates a company in Odoo's Contacts app: it is their SOP customer."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.cn")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.env["utm.source"].create({"name": "Tour Expo Source"})
        cls.env["product.template"].create({"name": "Tour LED Panel"})
        cls.rep = new_test_user(
            cls.env, "sop_tour_contacts_rep", groups="sales_lead_sop.group_sop_rep", lang=cls.lang
        )

    def test_rep_creates_company_in_contacts(self):
        self.start_tour("/odoo/contacts", "sales_lead_sop_rep_contacts_company", login=self.rep.login)
        company = self.env["res.partner"].search([("name", "=", "Contacts Tour Lighting 通讯录照明有限公司")])
        self.assertEqual(len(company), 1)
        self.assertTrue(company.is_company and company.sop_managed)
        self.assertEqual(company.user_id, self.rep)
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertTrue(company.sop_code)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiContactsCompanyPhone(ContactsCompanyTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiContactsCompanyDesktop(ContactsCompanyTour, SopHttpCase):
    browser_size = "1440x900"
