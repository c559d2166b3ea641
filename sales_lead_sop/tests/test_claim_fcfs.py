from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestClaimFirstComeFirstServed(SopCommon):
    """Apply to claim (申请挑入) is first come, first served [004 FAQ]: the earliest live request
    decides, an approval opens a window of working days to take the customer, then lapses; a
    request for a company not in the CRM reserves it for the requester."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._create_customer("FCFS Holder Co", user_id=cls.rep_a.id)
        cls.Request = cls.env["sop.claim.request"]

    def _file(self, user, partner=None, **vals):
        if partner is not None or not vals:
            vals["partner_id"] = (partner or self.customer).id
        return self.Request.with_user(user).create({"reason": "Quoted them first", **vals})

    def _moves(self, partner):
        return self.env["sop.pool.history"].search(
            [("partner_id", "=", partner.id), ("action", "=", "assign")]
        )

    def test_later_request_cannot_be_approved_while_the_earlier_is_pending(self):
        first = self._file(self.rep_b)
        second = self._file(self.rep_c)
        self.assertEqual((first.first_in_line, second.first_in_line), (True, False))
        self.assertIn("Rep B", second.queue_label)
        with self.assertRaisesRegex(UserError, "First come, first served.*Rep B"):
            second.with_user(self.support).action_approve()
        self.assertEqual(second.state, "pending")
        first.with_user(self.support).action_approve()
        with self.assertRaisesRegex(UserError, "Rep B for FCFS Holder Co was approved first"):
            second.with_user(self.support).action_approve()
        second.with_user(self.support).action_refuse("Rep B came first")
        self.assertEqual(second.state, "refused")
        first.with_user(self.rep_b).action_take()
        self.assertEqual(self.customer.user_id, self.rep_b)
        self.assertEqual(len(self._moves(self.customer)), 1)

    def test_refusing_the_first_lets_the_next_be_approved(self):
        first = self._file(self.rep_b)
        second = self._file(self.rep_c)
        first.with_user(self.support).action_refuse("No evidence")
        second.invalidate_recordset(["first_in_line"])
        self.assertTrue(second.first_in_line)
        second.with_user(self.support).action_approve()
        self.assertEqual(second.state, "approved")

    def test_take_window_in_working_days_then_lapse(self):
        # Friday 2026-03-06 10:00 UTC: the window is the next two working days,
        # Monday and Tuesday, so it ends on Tuesday evening; the company works Monday-Friday.
        self.env.company.resource_calendar_id.tz = "UTC"
        with freeze_time("2026-03-06 10:00:00"):
            request = self._file(self.rep_b)
            request.with_user(self.support).action_approve()
        deadline = request.take_deadline
        self.assertEqual(deadline.date(), fields.Date.to_date("2026-03-10"), "Mon and Tue, not the weekend")
        with freeze_time(deadline - timedelta(minutes=1)):
            self.assertEqual(self.Request._cron_sop_lapse_claims(), 0)
            self.assertEqual(request.state, "approved")
        with freeze_time(deadline + timedelta(minutes=1)):
            with self.assertRaisesRegex(UserError, "lapsed on"):
                request.with_user(self.rep_b).action_take()
            self.assertEqual(self.Request._cron_sop_lapse_claims(), 1)
            self.assertEqual(request.state, "lapsed")
            self.assertEqual(self.Request._cron_sop_lapse_claims(), 0, "a second run changes nothing")
        self.assertEqual(self.customer.user_id, self.rep_a, "a lapsed approval moves nothing")
        self.assertIn("lapsed", request.message_ids[0].body)

    def test_take_window_is_a_setting(self):
        self.env["res.config.settings"].create({"sop_claim_take_working_days": 5}).execute()
        self.env.company.resource_calendar_id.tz = "UTC"
        with freeze_time("2026-03-02 10:00:00"):  # a Monday
            request = self._file(self.rep_b)
            request.with_user(self.support).action_approve()
        self.assertEqual(request.take_deadline.date(), fields.Date.to_date("2026-03-09"))

    def test_rep_cannot_decide_nor_forge_the_state(self):
        request = self._file(self.rep_b)
        with self.assertRaisesRegex(UserError, "Only sales support"):
            request.with_user(self.rep_b).action_approve()
        with self.assertRaisesRegex(UserError, "decided with its Approve and Refuse"):
            request.with_user(self.support).write({"state": "approved"})
        forged = (
            self.Request.with_user(self.rep_c)
            .with_context(default_state="approved")
            .create({"partner_id": self.customer.id, "reason": "x", "state": "approved"})
        )
        self.assertEqual(forged.state, "pending")

    def test_rep_sees_own_requests_only(self):
        mine = self._file(self.rep_b)
        other = self._file(self.rep_c)
        visible = self.Request.with_user(self.rep_b).search([("id", "in", (mine | other).ids)])
        self.assertEqual(visible, mine)
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            other.with_user(self.rep_b).read(["company_name", "reason"])
        holder = self.Request.with_user(self.rep_a).search([("id", "in", (mine | other).ids)])
        self.assertEqual(holder, mine | other, "the holder sees the requests for their customer")

    def test_new_company_is_reserved_for_the_requester(self):
        request = self._file(
            self.rep_b,
            company_name="Shanghai Qingfeng Sunrise Optics Co., Ltd.",
            company_phone="+86 21 6666 1234",
            company_email="sales@qingfeng-optics.cn",
        )
        self.assertFalse(request.partner_id)
        # another rep's duplicate check shows it as reserved, without the request's details
        rows = (
            self.env["res.partner"].with_user(self.rep_c).sop_find_duplicates({"phone": "+86 21 6666 1234"})
        )
        reserved = [row for row in rows if row["status"] == "reserved"]
        self.assertEqual(len(reserved), 1, rows)
        self.assertEqual((reserved[0]["owner"], reserved[0]["name"]), ("Rep B", False))
        # and cannot enter it, by name key (another legal form) or by email
        for vals in (
            {"name": "Qingfeng Sunrise Optics Ltd"},
            {"name": "Other Name Co", "email": "sales@qingfeng-optics.cn"},
        ):
            with self.assertRaisesRegex(UserError, "reserved for Rep B"):
                self._create_customer(vals.pop("name"), user=self.rep_c, **vals)
        # a second request for it waits behind the first
        second = self._file(self.rep_c, company_name="Qingfeng Sunrise Optics Co Ltd")
        self.assertFalse(second.first_in_line)
        with self.assertRaisesRegex(UserError, "First come, first served"):
            second.with_user(self.support).action_approve()
        request.with_user(self.support).action_approve()
        action = request.with_user(self.rep_b).action_take()
        self.assertEqual(action["context"]["default_name"], request.company_name)
        customer = self._create_customer(request.company_name, user=self.rep_b, phone="+86 21 6666 1234")
        self.assertEqual((request.state, request.partner_id), ("done", customer))

    def test_new_company_already_in_the_crm_is_refused(self):
        with self.assertRaisesRegex(UserError, "already in the CRM"):
            self._file(self.rep_b, company_name="FCFS Holder Co")
        with self.assertRaisesRegex(UserError, "Name the customer"):
            self._file(self.rep_b, company_name="  ")
