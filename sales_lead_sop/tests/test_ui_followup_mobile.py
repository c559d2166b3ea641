from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class CustomerFollowupTour:
    """A rep logs a follow-up on their customer from the customer's form: it is a contact, so
    the customer's last-contact date (and its card) move to it."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)

    def test_rep_logs_followup_on_customer(self):
        rep = new_test_user(
            self.env, f"sop_tour_followup_{self.lang}", groups="sales_lead_sop.group_sop_rep", lang=self.lang
        )
        customer = self.env["res.partner"].create(
            {
                "name": "Tour Followup Co",
                "is_company": True,
                "sop_managed": True,
                "user_id": rep.id,
                "sop_group_id": self.env.ref("sales_lead_sop.customer_group_potential").id,
                "sop_short_name": "Tour Followup",
                "sop_source_id": self.env.ref("sales_lead_sop.utm_source_alibaba").id,
                "sop_customer_type": "trader",
                "sop_product_ids": [(0, 0, {"name": "Tour Product"})],
                "country_id": self.env.ref("base.cn").id,
            }
        )
        self.assertFalse(customer.sop_last_contact_date)
        self.assertTrue(customer.sop_recycle_date, "the card shows the days until recycling")
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_customers",
            "sales_lead_sop_rep_customer_followup",
            login=rep.login,
        )
        followup = self.env["sop.followup"].search([("partner_id", "=", customer.id)])
        self.assertEqual(followup.content, "Called the buyer, sent the catalogue")
        self.assertEqual(followup.next_action, "Send the quotation")
        self.assertEqual(followup.user_id, rep)
        self.assertEqual(customer.sop_last_contact_date, followup.date)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiFollowupPhone(CustomerFollowupTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"

    def test_rep_logs_followup_on_lead(self):
        rep = new_test_user(self.env, "sop_tour_followup_rep", groups="sales_lead_sop.group_sop_rep")
        lead = self.env["crm.lead"].create({"name": "SOP tour lead", "type": "lead", "user_id": rep.id})
        self.start_tour(f"/odoo/crm.lead/{lead.id}", "sales_lead_sop_followup_mobile", login=rep.login)
        followup = self.env["sop.followup"].search([("lead_id", "=", lead.id)])
        self.assertEqual(followup.content, "Called the buyer, sent the catalogue")
        self.assertEqual(followup.next_action, "Send the quotation")
        self.assertEqual(followup.user_id, rep)
        self.assertEqual(lead.sop_last_contact_date, followup.date)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiFollowupDesktop(CustomerFollowupTour, SopHttpCase):
    browser_size = "1440x900"
