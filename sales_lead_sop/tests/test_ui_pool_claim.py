from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPoolClaim(SopHttpCase):
    """A rep opens a public-pool customer on a phone: no phone or email until claimed."""

    browser_size = "375x667"
    touch_enabled = True

    def test_rep_claims_from_mobile_form(self):
        rep = new_test_user(self.env, "sop_tour_claim_rep", groups="sales_lead_sop.group_sop_rep")
        customer = self.env["res.partner"].create(
            {
                "name": "Tour Public Co",
                "is_company": True,
                "sop_managed": True,
                "sop_group_id": self.env.ref("sales_lead_sop.customer_group_potential").id,
                "sop_short_name": "Tour Public",
                "sop_source_id": self.env.ref("sales_lead_sop.utm_source_alibaba").id,
                "sop_customer_type": "trader",
                "sop_product_ids": [(0, 0, {"name": "Tour Product"})],
                "country_id": self.env.ref("base.cn").id,
                "phone": "+86 21 5555 0199",
                "email": "buyer@tour.example",
            }
        )
        self.assertFalse(customer.user_id)
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_public",
            "sales_lead_sop_rep_claim_mobile",
            login=rep.login,
        )
        self.assertEqual(customer.user_id, rep)
        history = self.env["sop.pool.history"].search(
            [("partner_id", "=", customer.id), ("action", "=", "claim")]
        )
        self.assertEqual(history.to_user_id, rep)
