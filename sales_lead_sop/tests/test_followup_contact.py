from datetime import datetime

from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestFollowupContact(SopCommon):
    """A logged follow-up is a contact (SOP §4); editing a record is not."""

    def test_followup_moves_last_contact_of_customer_and_lead(self):
        customer = self._create_customer("Contact Test Co", user=self.rep_a)
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create({"name": "Contact lead", "partner_id": customer.id, "user_id": self.rep_a.id})
        )
        when = datetime(2026, 3, 2, 9, 30)
        self.env["sop.followup"].with_user(self.rep_a).create(
            {"lead_id": lead.id, "method": "phone", "content": "Called about samples", "date": when}
        )
        self.assertEqual(customer.sop_last_contact_date, when)
        self.assertEqual(lead.sop_last_contact_date, when)

    def test_older_followup_never_moves_the_date_back(self):
        customer = self._create_customer("Order Test Co", user=self.rep_a)
        followups = self.env["sop.followup"].with_user(self.rep_a)
        followups.create({"partner_id": customer.id, "content": "new", "date": datetime(2026, 3, 5)})
        followups.create({"partner_id": customer.id, "content": "old", "date": datetime(2026, 3, 1)})
        self.assertEqual(customer.sop_last_contact_date, datetime(2026, 3, 5))

    def test_plain_edit_is_not_contact(self):
        customer = self._create_customer("Edit Test Co", user=self.rep_a)
        customer.with_user(self.rep_a).write({"sop_short_name": "Edited"})
        self.assertFalse(customer.sop_last_contact_date)

    def test_pool_state_follows_owner(self):
        customer = self._create_customer("Pool Test Co", user=self.rep_a)
        self.assertEqual(customer.sop_pool_state, "private")
        customer.user_id = False
        self.assertEqual(customer.sop_pool_state, "public")
        plain = self.env["res.partner"].create({"name": "Not an SOP partner"})
        self.assertFalse(plain.sop_pool_state)

    def test_pool_history_is_append_only(self):
        customer = self._create_customer("History Test Co", user=self.rep_a)
        row = (
            self.env["sop.pool.history"]
            .with_user(self.rep_a)
            ._log("release", partners=customer, from_user=self.rep_a, reason="test")
        )
        self.assertEqual(row.from_user_id, self.rep_a)
        with self.assertRaisesRegex(Exception, "append-only"):
            row.with_user(self.admin).write({"reason": "forged"})
        with self.assertRaisesRegex(Exception, "append-only"):
            row.with_user(self.admin).unlink()
