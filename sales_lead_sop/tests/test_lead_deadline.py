from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadDeadline(SopCommon):
    """sop_deadline in working days of the company calendar, public holidays included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.company.resource_calendar_id
        cls.calendar.tz = "UTC"

    def _holiday(self, day):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime.combine(day, datetime.min.time()),
                "date_to": datetime(day.year, day.month, day.day, 23, 59, 59),
            }
        )

    def _alibaba_lead(self, **vals):
        return self.env["crm.lead"].create(
            {"name": "Alibaba inquiry", "source_id": self.source_alibaba.id, "user_id": False, **vals}
        )

    @freeze_time("2026-03-06 10:00:00")  # a Friday
    def test_alibaba_processing_skips_the_weekend(self):
        lead = self._alibaba_lead()
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 10), "Mon + Tue")
        lead.sop_lead_type = "to_verify"
        self.assertNotEqual(lead.sop_deadline.date(), date(2026, 3, 10), "processed: that deadline is gone")

    @freeze_time("2026-03-06 10:00:00")
    def test_alibaba_processing_skips_a_public_holiday(self):
        self._holiday(date(2026, 3, 9))
        lead = self._alibaba_lead()
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 11), "Tue + Wed, Monday is a holiday")

    @freeze_time("2026-03-06 10:00:00")
    def test_one_alibaba_setting_for_deadline_and_kpi(self):
        self.env["res.config.settings"].create({"sop_alibaba_processing_days": 3}).execute()
        param = self.env["ir.config_parameter"].get_param("sales_lead_sop.alibaba_processing_working_days")
        self.assertEqual(param, "3")
        lead = self._alibaba_lead()
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 11), "Mon + Tue + Wed")
        self.assertEqual(lead.sop_processing_deadline, lead.sop_deadline, "the on-time KPI uses the same day")

    @freeze_time("2026-03-06 10:00:00")
    def test_first_contact_one_working_day_after_assignment(self):
        lead = self.env["crm.lead"].create({"name": "Assigned", "user_id": self.rep_a.id})
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 9))
        self._holiday(date(2026, 3, 9))
        lead.user_id = self.rep_b  # re-assignment restarts the clock, now with the holiday
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 10))

    @freeze_time("2026-03-06 10:00:00")
    def test_teams_outside_the_sop_keep_plain_odoo(self):
        plain_team = self.env["crm.team"].create({"name": "Plain Odoo Team"})
        lead = self.env["crm.lead"].create(
            {"name": "Plain", "team_id": plain_team.id, "user_id": self.rep_a.id}
        )
        self.assertFalse(lead.sop_deadline, "no SOP deadline on a team that does not use the SOP")
        lead.team_id = self.team_a
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 9), "moved into an SOP team: clock runs")

    def test_cadence_follows_intent(self):
        lead = self.env["crm.lead"].create({"name": "Cadence", "user_id": self.rep_a.id})
        with freeze_time("2026-03-05 10:00:00"):  # Thursday
            self.env["sop.followup"].create({"lead_id": lead.id, "content": "call"})
        # high daily and clear every 3 days in working days, potential weekly: 7 calendar days
        expected = {"high": date(2026, 3, 6), "clear": date(2026, 3, 10), "potential": date(2026, 3, 12)}
        for intent, day in expected.items():
            lead.sop_intent = intent
            self.assertEqual(lead.sop_deadline.date(), day, intent)

    def test_overdue_filter(self):
        with freeze_time("2026-03-02 10:00:00"):  # Monday
            lead = self.env["crm.lead"].create({"name": "Overdue soon", "user_id": self.rep_a.id})
        Lead = self.env["crm.lead"].with_user(self.rep_a)
        with freeze_time("2026-03-03 12:00:00"):
            self.assertFalse(lead.sop_is_overdue)
            self.assertNotIn(lead, Lead.search([("sop_is_overdue", "=", True)]))
        with freeze_time("2026-03-04 08:00:00"):
            lead.invalidate_recordset(["sop_is_overdue"])
            self.assertTrue(lead.sop_is_overdue)
            self.assertIn(lead, Lead.search([("sop_is_overdue", "=", True)]))
            self.assertNotIn(lead, Lead.search([("sop_is_overdue", "=", False)]))

    @freeze_time("2026-03-06 10:00:00")  # a Friday
    def test_target_customer_entered_within_one_working_day(self):
        lead = self.env["crm.lead"].create({"name": "Qualified", "user_id": False})
        self.assertFalse(lead.sop_deadline)
        lead.sop_lead_type = "target"
        self.assertEqual(lead.sop_qualified_date, datetime(2026, 3, 6, 10, 0))
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 9), "the next working day, Monday")
        self.env["res.config.settings"].create({"sop_customer_entry_working_days": 3}).execute()
        lead.invalidate_recordset(["sop_deadline"])
        lead._compute_sop_deadline()
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 11), "Mon + Tue + Wed")
        lead.partner_id = self._create_customer("Entered Co")
        self.assertFalse(lead.sop_deadline, "entered: the deadline is gone")
