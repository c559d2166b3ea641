from datetime import date

from odoo.tests import tagged

from .common import SopCommon

INCOMING = """Return-Path: <{email_from}>
From: {email_from}
To: {to}
Subject: {subject}
Message-ID: {msg_id}
Date: Mon, 02 Mar 2026 09:00:00 +0000
Content-Type: text/plain; charset=utf-8

We need 500 LED panels, please quote.
"""


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestContactTouchpoints(SopCommon):
    """Each kind of real contact moves sop_last_contact_date; notes and edits do not (SOP.md §4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._create_customer("Touch Co", user=cls.rep_a, email="buyer@touch.example.com")
        cls.contact = cls.env["res.partner"].create(
            {"name": "Touch Buyer", "parent_id": cls.customer.id, "email": "anna@touch.example.com"}
        )

    def _lead(self):
        return (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create({"name": "Touch lead", "partner_id": self.customer.id, "user_id": self.rep_a.id})
        )

    def test_email_sent_to_customer_contact(self):
        lead = self._lead()
        lead.with_user(self.rep_a).message_post(
            body="Quotation attached",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.contact.ids,
        )
        self.assertTrue(lead.sop_last_contact_date)
        self.assertEqual(self.customer.sop_last_contact_date, lead.sop_last_contact_date)

    def test_internal_note_is_not_contact(self):
        lead = self._lead()
        lead.with_user(self.rep_a).message_post(
            body="Note to self",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=self.contact.ids,
        )
        self.assertFalse(lead.sop_last_contact_date)
        self.assertFalse(self.customer.sop_last_contact_date)

    def test_email_received_from_customer(self):
        lead = self._lead()
        self.env["mail.thread"].sudo().message_process(
            "crm.lead",
            INCOMING.format(
                email_from="anna@touch.example.com",
                to="rep@example.com",
                subject="Re: quote",
                msg_id="<touch-1@example.com>",
            ),
            thread_id=lead.id,
        )
        self.assertTrue(lead.sop_last_contact_date)
        self.assertTrue(self.customer.sop_last_contact_date)

    def test_done_call_counts_plain_todo_does_not(self):
        lead = self._lead()
        todo = lead.activity_schedule("mail.mail_activity_data_todo", user_id=self.rep_a.id)
        todo.with_user(self.rep_a).action_feedback(feedback="done")
        self.assertFalse(lead.sop_last_contact_date)
        call = lead.activity_schedule("mail.mail_activity_data_call", user_id=self.rep_a.id)
        call.with_user(self.rep_a).action_feedback(feedback="talked 10 min")
        self.assertTrue(lead.sop_last_contact_date)
        self.assertTrue(self.customer.sop_last_contact_date)

    def test_done_visit_on_customer(self):
        visit = self.customer.activity_schedule(
            "sales_lead_sop.mail_activity_type_visit", user_id=self.rep_a.id
        )
        visit.with_user(self.rep_a).action_feedback(feedback="visited the factory")
        self.assertTrue(self.customer.sop_last_contact_date)

    def test_plain_edit_of_lead_is_not_contact(self):
        lead = self._lead()
        lead.with_user(self.rep_a).write({"description": "edited", "sop_intent": "high", "phone": "+86 123"})
        self.assertFalse(lead.sop_last_contact_date)
        self.assertFalse(self.customer.sop_last_contact_date)

    def test_followup_next_date_schedules_activity_for_owner(self):
        lead = self._lead()
        action = lead.with_user(self.rep_a).action_sop_log_followup()
        self.assertEqual(action["res_model"], "sop.followup")
        self.env["sop.followup"].with_user(self.rep_a).with_context(action["context"]).create(
            {"content": "Sent catalogue", "next_action": "Call for feedback", "next_date": date(2026, 3, 9)}
        )
        activity = lead.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.rep_a)
        self.assertEqual(activity.date_deadline, date(2026, 3, 9))
        self.assertEqual(activity.summary, "Call for feedback")
        self.assertTrue(lead.sop_last_contact_date)

    def test_log_followup_from_customer(self):
        action = self.customer.with_user(self.rep_a).action_sop_log_followup()
        followup = (
            self.env["sop.followup"]
            .with_user(self.rep_a)
            .with_context(action["context"])
            .create({"content": "WeChat chat", "method": "wechat"})
        )
        self.assertEqual(followup.partner_id, self.customer)
        self.assertEqual(self.customer.sop_last_contact_date, followup.date)
