from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestClaimRequest(SopCommon):
    """Apply to claim (申请挑入): filed by a rep, decided by sales support."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._create_customer("Held By A Co", user_id=cls.rep_a.id)

    def _file(self, user=None, partner=None):
        return (
            self.env["sop.claim.request"]
            .with_user(user or self.rep_b)
            .create({"partner_id": (partner or self.customer).id, "reason": "Met them at Canton Fair"})
        )

    def test_one_pending_request_per_customer_and_rep(self):
        request = self._file()
        self.assertEqual(
            (request.state, request.user_id, request.owner_id), ("pending", self.rep_b, self.rep_a)
        )
        with self.assertRaisesRegex(UserError, "already have a pending request"):
            self._file()
        self._file(user=self.rep_c)  # another rep may ask too

    def test_request_refused_for_public_or_own_customer(self):
        public = self._create_customer("Public Co")
        with self.assertRaisesRegex(UserError, "in the public pool: claim it directly"):
            self._file(partner=public)
        with self.assertRaisesRegex(UserError, "already yours"):
            self._file(user=self.rep_a)

    def test_support_approves_and_both_reps_are_notified(self):
        request = self._file()
        with self.assertRaisesRegex(UserError, "Only sales support"):
            request.with_user(self.rep_b).action_approve()
        self.assertEqual(self.customer.user_id, self.rep_a)
        request.with_user(self.support).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.customer.user_id, self.rep_a, "approval gives a window; nothing moves yet")
        with self.assertRaisesRegex(UserError, "Only the requester"):
            request.with_user(self.rep_c).action_take()
        request.with_user(self.rep_b).action_take()
        self.assertEqual(request.state, "done")
        self.assertEqual(self.customer.user_id, self.rep_b)
        history = self.env["sop.pool.history"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(set(history.mapped("action")), {"create", "request", "assign"})
        assign = history.filtered(lambda h: h.action == "assign")
        self.assertEqual((assign.from_user_id, assign.to_user_id), (self.rep_a, self.rep_b))
        message = request.message_ids.filtered(lambda m: "approved" in (m.body or ""))
        self.assertEqual(set(message.partner_ids.ids), {self.rep_a.partner_id.id, self.rep_b.partner_id.id})
        with self.assertRaisesRegex(UserError, "already been decided"):
            request.with_user(self.support).action_refuse("late")
        self._file(user=self.rep_b, partner=self._create_customer("Other A", user_id=self.rep_a.id))

    def test_support_refuses_with_reason(self):
        request = self._file()
        with self.assertRaisesRegex(UserError, "Say why the request is refused"):
            request.with_user(self.support).action_refuse()
        request.with_user(self.support).action_refuse("No evidence of contact")
        self.assertEqual((request.state, request.refuse_reason), ("refused", "No evidence of contact"))
        self.assertEqual(self.customer.user_id, self.rep_a)
        self.assertIn(self.rep_b.partner_id, request.message_ids[0].partner_ids)
        self._file()  # a new request is possible once the previous one is decided
