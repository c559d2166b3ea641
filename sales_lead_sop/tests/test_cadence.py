from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon


def _invalid_reason(env):
    """An invalid lead needs a reason (issue 4); any shipped one serves here."""
    return env.ref("sales_lead_sop.invalid_reason_bad_inquiry")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCadence(SopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.followup_type = cls.env.ref("sales_lead_sop.mail_activity_type_sop_followup")
        cls.reactivate_type = cls.env.ref("sales_lead_sop.mail_activity_type_sop_reactivate")

    def _followup(self, partner, when, user=None):
        return self.env["sop.followup"].create(
            {
                "partner_id": partner.id,
                "user_id": (user or partner.user_id).id,
                "date": when,
                "content": "call",
            }
        )

    def _planned(self, partner):
        return partner.activity_ids.filtered(lambda a: a.activity_type_id == self.followup_type)

    def _set_last_contact(self, partner, when):
        partner.flush_recordset()
        self.env.cr.execute(
            "UPDATE res_partner SET sop_last_contact_date = %s, create_date = %s WHERE id = %s",
            (when, when, partner.id),
        )
        partner.invalidate_recordset()

    # next follow-up activity

    def test_contact_plans_next_followup_for_owner_at_grade_cadence(self):
        customer = self._create_customer("Cadence B", user_id=self.rep_a.id, sop_grade="B")
        self._followup(customer, datetime(2026, 11, 2, 10, 0))
        planned = self._planned(customer)
        self.assertEqual(planned.user_id, self.rep_a)
        self.assertEqual(planned.date_deadline, date(2026, 11, 9))
        # a second contact does not pile up a second activity
        self._followup(customer, datetime(2026, 11, 3, 10, 0))
        self.assertEqual(len(self._planned(customer)), 1)

    def test_a_customer_plans_for_owner_and_team_manager(self):
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.cadence_days_a", "10")
        customer = self._create_customer("Cadence A", user_id=self.rep_a.id, sop_grade="A")
        self._followup(customer, datetime(2026, 11, 2, 10, 0))
        planned = self._planned(customer)
        self.assertEqual(planned.user_id, self.rep_a | self.manager_a)
        self.assertEqual(set(planned.mapped("date_deadline")), {date(2026, 11, 12)})

    def test_ungraded_customer_gets_no_activity(self):
        ungraded = self._create_customer("No grade", user=self.rep_a)
        self._followup(ungraded, datetime(2026, 11, 2, 10, 0))
        self.assertFalse(self._planned(ungraded))

    # alerts

    @freeze_time("2026-11-20 03:00:00")
    def test_under_contact_both_sides_of_threshold_and_rerun(self):
        partner_model = self.env["res.partner"]
        fresh = self._create_customer("A 13 days", user_id=self.rep_a.id, sop_grade="A")
        stale = self._create_customer("A 14 days", user_id=self.rep_a.id, sop_grade="A")
        public = self._create_customer("A public", sop_grade="A")
        self._set_last_contact(fresh, datetime(2026, 11, 7, 12, 0))
        self._set_last_contact(stale, datetime(2026, 11, 6, 0, 0))
        self._set_last_contact(public, datetime(2026, 1, 1, 0, 0))
        partner_model._cron_sop_cadence_alerts(batch_size=7)
        self.assertFalse(fresh.sop_alert)
        self.assertEqual(stale.sop_alert, "under_contact")
        self.assertFalse(public.sop_alert, "a public-pool customer has no owner to alert")
        self.assertEqual(partner_model._cron_sop_cadence_alerts(), 0, "a re-run changes nothing")
        # a contact clears the alert at once, without waiting for the night
        self._followup(stale, datetime(2026, 11, 20, 3, 0))
        self.assertFalse(stale.sop_alert)

    @freeze_time("2026-11-20 03:00:00")
    def test_over_contact_of_d_customer(self):
        twice = self._create_customer("D twice", user_id=self.rep_a.id, sop_grade="D")
        thrice = self._create_customer("D thrice", user_id=self.rep_a.id, sop_grade="D")
        self._followup(twice, datetime(2026, 10, 31, 9, 0))  # last month: does not count
        for day in (2, 9):
            self._followup(twice, datetime(2026, 11, day, 9, 0))
        for day in (2, 9, 16):
            self._followup(thrice, datetime(2026, 11, day, 9, 0))
        self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertFalse(twice.sop_alert)
        self.assertEqual(thrice.sop_alert, "over_contact")
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.over_contact_max_d", "3")
        self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertFalse(thrice.sop_alert)

    # pause

    @freeze_time("2026-11-20 03:00:00")
    def test_pause_requires_note_and_silences_alerts(self):
        customer = self._create_customer("Paused", user_id=self.rep_a.id, sop_grade="A")
        self._set_last_contact(customer, datetime(2026, 1, 1, 0, 0))
        with self.assertRaisesRegex(UserError, "A note is required"):
            customer.with_user(self.rep_a).action_sop_pause("  ")
        self.assertFalse(customer.sop_paused)
        wizard = (
            self.env["sop.partner.pause"]
            .with_user(self.rep_a)
            .create({"partner_ids": [(6, 0, customer.ids)], "note": "暂时不需要, budget next year"})
        )
        wizard.action_pause()
        self.assertTrue(customer.sop_paused)
        self.assertEqual(customer.sop_pause_date, date(2026, 11, 20))
        reactivate = customer.activity_ids.filtered(lambda a: a.activity_type_id == self.reactivate_type)
        self.assertEqual(reactivate.user_id, self.rep_a)
        self.assertEqual(reactivate.date_deadline, date(2027, 2, 18))
        self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertFalse(customer.sop_alert)
        customer.with_user(self.rep_a).action_sop_resume()
        self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertEqual(customer.sop_alert, "under_contact")

    def test_pause_refuses_non_sop_partner(self):
        partner = self.env["res.partner"].create({"name": "Plain contact"})
        with self.assertRaisesRegex(UserError, "Plain contact is not an SOP customer"):
            partner.action_sop_pause("note")
        self.assertFalse(partner.sop_paused)

    # first follow-up and Alibaba processing on time

    def test_first_followup_within_three_working_days(self):
        # Friday 2026-11-06: the deadline is the end of Wednesday 11th (Sat/Sun are not worked)
        with freeze_time("2026-11-06 09:00:00"):
            on_time = self._create_customer("First on time", user=self.rep_a)
            late = self._create_customer("First late", user=self.rep_a)
        self.assertEqual(on_time.sop_first_followup_state, "pending")
        self.assertEqual(on_time.sop_first_followup_deadline.date(), date(2026, 11, 11))
        self._followup(on_time, datetime(2026, 11, 11, 8, 0))
        self._followup(late, datetime(2026, 11, 12, 8, 0))
        self.assertEqual(on_time.sop_first_followup_state, "on_time")
        self.assertEqual(late.sop_first_followup_state, "late")
        # later contacts do not change the verdict
        self._followup(late, datetime(2026, 11, 13, 8, 0))
        self.assertEqual(late.sop_first_followup_state, "late")

    def test_non_sop_partner_untouched(self):
        partner = self.env["res.partner"].create({"name": "Not SOP"})
        self.assertFalse(partner.sop_first_followup_state)

    def test_alibaba_inquiry_processed_within_two_working_days(self):
        with freeze_time("2026-11-06 09:00:00"):
            fast = self.env["crm.lead"].create({"name": "Inquiry 1", "source_id": self.source_alibaba.id})
            slow = self.env["crm.lead"].create({"name": "Inquiry 2", "source_id": self.source_alibaba.id})
            other = self.env["crm.lead"].create({"name": "Website lead"})
        self.assertEqual(fast.sop_processing_state, "pending")
        self.assertEqual(fast.sop_processing_deadline.date(), date(2026, 11, 10))
        self.assertFalse(other.sop_processing_state)
        with freeze_time("2026-11-10 08:00:00"):
            fast.sop_lead_type = "target"
        with freeze_time("2026-11-11 08:00:00"):
            slow.write({"sop_lead_type": "invalid", "sop_invalid_reason_id": _invalid_reason(self.env).id})
            other.sop_lead_type = "target"
        self.assertEqual(fast.sop_processing_state, "on_time")
        self.assertEqual(slow.sop_processing_state, "late")
        self.assertFalse(other.sop_processing_state)

    def test_nightly_job_marks_missed_deadlines_late(self):
        with freeze_time("2026-11-06 09:00:00"):
            silent = self._create_customer("Never called", user=self.rep_a)
            inquiry = self.env["crm.lead"].create(
                {"name": "Unread inquiry", "source_id": self.source_alibaba.id}
            )
        with freeze_time("2026-11-10 20:00:00"):  # inquiry deadline passed, customer's not yet
            self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertEqual(silent.sop_first_followup_state, "pending")
        self.assertEqual(inquiry.sop_processing_state, "late")
        with freeze_time("2026-11-12 00:30:00"):
            self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertEqual(silent.sop_first_followup_state, "late")
