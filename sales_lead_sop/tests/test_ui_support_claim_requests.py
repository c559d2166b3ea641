from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class SupportClaimRequestsTour:
    """Sales support logs in, lands on the pending claim requests, sees that of two requests for
    one customer the later waits (approving it is refused: first come, first served), approves
    the earliest (the requester then takes the customer, logged in the pool history) and
    refuses another with a reason."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.holder = new_test_user(cls.env, "sop_tour_holder", groups="sales_lead_sop.group_sop_rep")
        cls.asker = new_test_user(
            cls.env, "sop_tour_asker", groups="sales_lead_sop.group_sop_rep", name="Tour Asker First"
        )
        cls.later_asker = new_test_user(
            cls.env, "sop_tour_asker_later", groups="sales_lead_sop.group_sop_rep", name="Tour Asker Later"
        )
        cls.support = new_test_user(
            cls.env, "sop_tour_support", groups="sales_lead_sop.group_sop_support", lang=cls.lang
        )
        cls.to_approve, cls.to_refuse, decided = (
            cls.env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "sop_managed": True,
                    "user_id": cls.holder.id,
                    "sop_short_name": name[:10],
                    "sop_source_id": cls.env.ref("sales_lead_sop.utm_source_alibaba").id,
                    "sop_customer_type": "trader",
                    "sop_group_id": cls.env.ref("sales_lead_sop.customer_group_potential").id,
                    "sop_product_ids": [(0, 0, {"name": f"{name} Product"})],
                    "country_id": cls.env.ref("base.cn").id,
                }
            )
            for name in ("Tour Approve Co", "Tour Refuse Co", "Tour Decided Co")
        )
        Request = cls.env["sop.claim.request"].with_user(cls.asker)
        cls.approve_request, cls.refuse_request, decided_request = (
            Request.create({"partner_id": partner.id, "reason": "Quoted them at Canton Fair"})
            for partner in (cls.to_approve, cls.to_refuse, decided)
        )
        decided_request.with_user(cls.support).action_refuse("Already refused before the tour")
        cls.later_request = Request.with_user(cls.later_asker).create(
            {"partner_id": cls.to_approve.id, "reason": "They called me last week"}
        )

    def test_support_decides_claim_requests(self):
        self.assertEqual(
            self.support.action_id.id, self.env.ref("sales_lead_sop.sop_claim_request_action").id
        )
        # "/odoo" opens the user's home action; start_tour fails on any client error
        self.start_tour("/odoo", "sales_lead_sop_support_claim_requests", login=self.support.login)
        self.assertEqual(
            (self.approve_request.state, self.approve_request.decided_by_id), ("approved", self.support)
        )
        self.assertEqual(self.later_request.state, "pending", "the later request was refused approval")
        self.assertEqual(self.to_approve.user_id, self.holder, "approval opens the take window only")
        self.assertTrue(self.approve_request.take_deadline > self.approve_request.approved_date)
        self.approve_request.with_user(self.asker).action_take()
        self.assertEqual(self.to_approve.user_id, self.asker)
        move = self.env["sop.pool.history"].search(
            [("partner_id", "=", self.to_approve.id), ("action", "=", "assign")]
        )
        self.assertEqual((move.from_user_id, move.to_user_id), (self.holder, self.asker))
        self.assertEqual(
            (self.refuse_request.state, self.refuse_request.refuse_reason, self.refuse_request.decided_by_id),
            ("refused", "No record of any contact", self.support),
        )
        self.assertEqual(self.to_refuse.user_id, self.holder, "a refused request moves nothing")
        self.assertFalse(
            self.env["sop.pool.history"].search_count(
                [("partner_id", "=", self.to_refuse.id), ("action", "=", "assign")]
            )
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiSupportClaimRequestsPhone(SupportClaimRequestsTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiSupportClaimRequestsDesktop(SupportClaimRequestsTour, SopHttpCase):
    browser_size = "1440x900"
