from datetime import date, datetime, timedelta

import pytz
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import SopCommon

INCOMING = """Return-Path: <{email_from}>
From: {email_from}
To: rep@example.com
Subject: Re: your quote
Message-ID: {msg_id}
Content-Type: text/plain; charset=utf-8

Thanks, we will come back to you.
"""


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCadenceRules(SopCommon):
    """Issue 20: cadence units, key stages, after-sales visit, reminders, first contact by our
    side, daily quotas, entry deadline, leads KPI channels, digest alerts, handover feedback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.company.resource_calendar_id
        cls.calendar.tz = "UTC"
        cls.customer_a = cls._create_customer("Cadence Co", user=cls.rep_a, email="buyer@cadence.example.com")

    def _set(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(f"sales_lead_sop.{key}", value)

    def _opportunity(self, user=None, **vals):
        user = user or self.rep_a
        return (
            self.env["crm.lead"]
            .with_user(user)
            .create(
                {
                    "name": "LED panels - retrofit - 500 pcs",
                    "type": "opportunity",
                    "user_id": user.id,
                    "team_id": self.team_a.id,
                    "partner_id": self.customer_a.id,
                    "expected_revenue": 10000,
                    **vals,
                }
            )
        )

    # cadence units [002 四(三)2]

    def test_weekly_cadence_is_seven_calendar_days_unless_set_to_working_days(self):
        lead = self.env["crm.lead"].with_user(self.rep_a).create({"name": "Weekly", "user_id": self.rep_a.id})
        with freeze_time("2026-03-05 10:00:00"):  # Thursday
            self.env["sop.followup"].with_user(self.rep_a).create({"lead_id": lead.id, "content": "call"})
        lead.sop_intent = "potential"
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 12), "7 calendar days: next Thursday")
        self.env["res.config.settings"].create({"sop_cadence_potential_unit": "working"}).execute()
        lead.invalidate_recordset(["sop_deadline"])
        lead._compute_sop_deadline()
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 16), "7 working days: the Monday after")

    # key stage [001 step 4]

    @freeze_time("2026-03-05 10:00:00")  # Thursday
    def test_key_stage_asks_for_a_daily_follow_up(self):
        sample = self.env.ref("sales_lead_sop.stage_sample")
        inquiry = self.env.ref("sales_lead_sop.stage_inquiry")
        self.assertTrue(sample.sop_key_stage)
        self.assertFalse(inquiry.sop_key_stage)
        opportunity = self._opportunity()
        self.env["sop.followup"].with_user(self.rep_a).create({"lead_id": opportunity.id, "content": "quote"})
        opportunity.sop_intent = "potential"
        self.assertEqual(opportunity.sop_deadline.date(), date(2026, 3, 12), "not a key stage: weekly")
        opportunity.with_user(self.rep_a).stage_id = sample
        self.assertTrue(opportunity.sop_is_key_stage)
        self.assertEqual(opportunity.sop_deadline.date(), date(2026, 3, 6), "key stage: the next working day")
        with freeze_time("2026-03-06 09:00:00"):
            self.env["sop.followup"].with_user(self.rep_a).create(
                {"lead_id": opportunity.id, "content": "again"}
            )
        self.assertEqual(opportunity.sop_deadline.date(), date(2026, 3, 9), "Friday's follow-up: due Monday")
        with freeze_time("2026-03-10 09:00:00"):
            self.assertIn(
                opportunity,
                self.env["crm.lead"].with_user(self.rep_a).search([("sop_is_overdue", "=", True)]),
                "no follow-up on Monday: overdue",
            )

    # after-sales visit [001 step 6]

    @freeze_time("2026-03-06 10:00:00")  # Friday
    def test_won_deal_gets_an_after_sales_visit_within_seven_working_days(self):
        opportunity = self._opportunity()
        won = self.env.ref("sales_lead_sop.stage_won")
        opportunity.with_user(self.rep_a).stage_id = won
        self.assertEqual(opportunity.sop_aftersales_state, "pending")
        self.assertEqual(opportunity.sop_aftersales_deadline.date(), date(2026, 3, 17), "7 working days")
        self.assertEqual(opportunity.sop_deadline, opportunity.sop_aftersales_deadline)
        visit = self.env.ref("sales_lead_sop.mail_activity_type_visit")
        activity = (
            self.env["mail.activity"]
            .with_user(self.rep_a)
            .search(
                [
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "=", opportunity.id),
                    ("activity_type_id", "=", visit.id),
                ]
            )
        )
        self.assertEqual((activity.user_id, activity.date_deadline), (self.rep_a, date(2026, 3, 17)))
        with freeze_time("2026-03-18 10:00:00"):
            self.assertTrue(opportunity.with_user(self.rep_a).sop_is_overdue, "not visited: overdue")
            # the visit is logged on the customer, not on the deal: it settles the deal's visit (late)
            self.env["sop.followup"].with_user(self.rep_a).create(
                {"partner_id": self.customer_a.id, "method": "visit", "content": "after-sales visit"}
            )
        self.assertEqual(opportunity.sop_aftersales_state, "late")
        self.assertFalse(opportunity.sop_deadline, "visited: no deadline left")

    @freeze_time("2026-03-06 10:00:00")
    def test_after_sales_visit_done_in_time_and_reopened_deal(self):
        opportunity = self._opportunity()
        opportunity.with_user(self.rep_a).stage_id = self.env.ref("sales_lead_sop.stage_won")
        with freeze_time("2026-03-09 10:00:00"):
            visit = opportunity.activity_ids.filtered(lambda a: a.activity_type_id.sop_is_contact)
            visit.with_user(self.rep_a).action_feedback(feedback="customer happy")
        self.assertEqual(opportunity.sop_aftersales_state, "on_time")
        other = self._opportunity(name="Second order")
        other.with_user(self.rep_a).stage_id = self.env.ref("sales_lead_sop.stage_won")
        other.with_user(self.rep_a).stage_id = self.env.ref("sales_lead_sop.stage_contract")
        self.assertFalse(other.sop_aftersales_state, "reopened: no visit owed")

    # reminders before things expire [002 六(一)5]

    def test_owner_reminded_before_closing_date_and_next_follow_up(self):
        today = fields.Date.context_today(self.env["crm.lead"])
        reminder = self.env.ref("sales_lead_sop.mail_activity_type_sop_reminder")
        soon = self._opportunity(date_deadline=today + timedelta(days=2))
        later = self._opportunity(name="Later", date_deadline=today + timedelta(days=3))
        verify = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .create(
                {
                    "name": "To verify",
                    "user_id": self.rep_b.id,
                    "sop_lead_type": "to_verify",
                    "sop_next_followup_date": today + timedelta(days=1),
                }
            )
        )
        Lead = self.env["crm.lead"]
        Lead._cron_sop_deadline_reminders()

        def reminders(user, lead):
            return (
                self.env["mail.activity"]
                .with_user(user)
                .search(
                    [
                        ("activity_type_id", "=", reminder.id),
                        ("res_model", "=", "crm.lead"),
                        ("res_id", "=", lead.id),
                        ("user_id", "=", user.id),
                    ]
                )
            )

        self.assertEqual(reminders(self.rep_a, soon).date_deadline, soon.date_deadline)
        self.assertFalse(reminders(self.rep_a, later), "3 days ahead: beyond the 2-day lead time")
        self.assertEqual(reminders(self.rep_b, verify).date_deadline, verify.sop_next_followup_date)
        self.assertEqual(Lead._cron_sop_deadline_reminders(), 0, "each date is reminded once")
        soon.with_user(self.rep_a).date_deadline = today + timedelta(days=1)
        self.assertEqual(Lead._cron_sop_deadline_reminders(), 1, "a new date is reminded again")
        self._set("reminder_lead_days", 3)
        Lead._cron_sop_deadline_reminders()
        self.assertTrue(reminders(self.rep_a, later), "the lead time is a setting")

    # first contact by our side only [002 四(二)1]

    def test_email_from_customer_is_not_the_first_contact(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create(
                {
                    "name": "Inquiry",
                    "user_id": self.rep_a.id,
                    "email_from": "buyer@cadence.example.com",
                    "partner_id": self.customer_a.id,
                }
            )
        )
        first_contact_deadline = lead.sop_deadline
        self.env["mail.thread"].sudo().message_process(
            "crm.lead",
            INCOMING.format(email_from="buyer@cadence.example.com", msg_id="<cadence-1@example.com>"),
            thread_id=lead.id,
        )
        self.assertTrue(lead.sop_last_contact_date, "the customer wrote")
        self.assertFalse(lead.sop_first_contact_date, "but we have not contacted them yet")
        self.assertEqual(lead.sop_deadline, first_contact_deadline, "the 1-working-day deadline stands")
        lead.with_user(self.rep_a).message_post(
            body="Our quotation",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.customer_a.ids,
        )
        self.assertTrue(lead.sop_first_contact_date)
        self.assertGreater(lead.sop_deadline, first_contact_deadline, "now the intent cadence applies")

    # daily quotas [004 规则]

    def _today_local(self):
        tz = pytz.timezone(self.calendar.tz or "UTC")
        return pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()

    def test_daily_quota_rows_as_rep_and_manager(self):
        self._set("quota_daily_followups", 3)
        self._set("quota_daily_customers", 1)
        self.rep_b.sudo().sop_quota_daily_followups = 1  # rep B's own quota
        for content in ("call", "email"):
            self.env["sop.followup"].with_user(self.rep_a).create(
                {"partner_id": self.customer_a.id, "content": content}
            )
        self.env.flush_all()
        today = self._today_local()
        Day = self.env["sop.kpi.scorecard.day"]
        mine = Day.with_user(self.rep_a).search([("day", "=", today)])
        self.assertEqual(mine.user_id, self.rep_a, "a rep sees their own day only")
        self.assertEqual((mine.followup_count, mine.followup_target, mine.followup_missed), (2, 3, True))
        self.assertEqual((mine.customer_count, mine.customer_target, mine.customer_missed), (1, 1, False))
        team = Day.with_user(self.manager_a).search([("day", "=", today)])
        self.assertEqual(
            team.user_id, self.rep_a | self.rep_b | self.manager_a, "their team's reps and their own"
        )
        row_b = team.filtered(lambda row: row.user_id == self.rep_b)
        self.assertEqual((row_b.followup_count, row_b.followup_target, row_b.followup_missed), (0, 1, True))
        self.assertEqual(row_b.missed_target_count, 2, "no work today: both quotas missed")
        yesterday = Day.with_user(self.rep_a).search([("day", "=", today - timedelta(days=1))])
        self.assertEqual(yesterday.followup_count, 0)
        self.assertEqual(Day.with_user(self.rep_a).browse(mine.id).followup_count, 2, "read by id")

    # entry deadline [001 step 1] and the leads KPI channels [000 §1.4] on the scorecard

    def test_scorecard_entry_deadline_and_channel_leads(self):
        referral = self.env.ref("sales_lead_sop.utm_source_referral")
        website = self.env.ref("sales_lead_sop.utm_source_website")
        Lead = self.env["crm.lead"].with_user(self.rep_a)
        with freeze_time("2026-03-02 10:00:00"):  # Monday
            on_time = Lead.create(
                {"name": "On time", "type": "lead", "user_id": self.rep_a.id, "source_id": referral.id}
            )
            late = Lead.create(
                {"name": "Late", "type": "lead", "user_id": self.rep_a.id, "source_id": website.id}
            )
            (on_time | late).write({"sop_lead_type": "target"})
            self.assertEqual(on_time.sop_entry_state, "pending")
            self.assertEqual(on_time.sop_entry_deadline.date(), date(2026, 3, 3))
        with freeze_time("2026-03-03 09:00:00"):
            on_time.write({"partner_id": self._create_customer("Entered Co", user=self.rep_a).id})
        with freeze_time("2026-03-04 09:00:00"):
            self.env["res.partner"]._cron_sop_cadence_alerts()
        self.assertEqual((on_time.sop_entry_state, late.sop_entry_state), ("on_time", "late"))
        self.env.flush_all()
        row = self.env["sop.kpi.scorecard"].with_user(self.rep_a).search([("month", "=", date(2026, 3, 1))])
        self.assertEqual((row.entry_count, row.entry_on_time_count, row.entry_on_time_rate), (2, 1, 50.0))
        self.assertTrue(row.entry_on_time_rate_missed, "target 100 %")
        self.assertEqual(
            (row.lead_count, row.channel_lead_count), (2, 1), "the website is not an 'other channel'"
        )
        self.assertTrue(row.channel_lead_count_missed, "1 of 6")
        self.assertFalse(row.alibaba_count)
        self.assertFalse(row.alibaba_on_time_rate_missed, "nothing to measure: no miss")
        website.sop_kpi_lead_channel = True
        self.env.flush_all()
        row.invalidate_recordset()
        self.assertEqual(row.channel_lead_count, 2, "the set of channels is configurable")

    # weekly digest [001 §4(二)]

    def test_digest_lists_open_cadence_alerts(self):
        silent = self._create_customer("Silent Co", user_id=self.rep_b.id)
        silent.flush_recordset()
        self.env.cr.execute(
            "UPDATE res_partner SET sop_alert = 'under_contact', sop_grade = 'A' WHERE id = %s", (silent.id,)
        )
        self.env.invalidate_all()
        values = self.team_a.with_user(self.manager_a)._sop_digest_values()
        self.assertEqual(values["alerts"], silent)
        self.assertFalse(values["overdue"])
        mails_before = self.env["mail.mail"].search([])
        self.env["crm.team"]._cron_sop_weekly_digest()
        mail = self.env["mail.mail"].search(
            [("id", "not in", mails_before.ids), ("recipient_ids", "in", self.manager_a.partner_id.ids)]
        )
        self.assertIn("Under-contact", mail.body_html)
        self.assertIn("Silent Co", mail.body_html)
        self.assertNotIn("No overdue follow-up", mail.body_html)

    # weekly feedback after a handover [001 §4(五)]

    def test_weekly_handover_feedback_to_manager_for_a_month(self):
        handed = self.env["res.partner"].create(
            [self._customer_vals(f"Handed Co {n}", user_id=self.rep_a.id) for n in range(2)]
        )
        handover = (
            self.env["sop.handover"]
            .with_user(self.manager_a)
            .create({"from_user_id": self.rep_a.id, "receiver_ids": [(6, 0, self.rep_b.ids)]})
        )
        handover.action_preview()
        handover.action_confirm()
        self.assertEqual(handed.user_id, self.rep_b)
        self.env["sop.followup"].with_user(self.rep_b).create(
            {"partner_id": handed[0].id, "content": "hello"}
        )
        mails_before = self.env["mail.mail"].search([])
        self.env["sop.handover"]._cron_sop_handover_feedback()
        mail = self.env["mail.mail"].search(
            [("id", "not in", mails_before.ids), ("recipient_ids", "in", self.manager_a.partner_id.ids)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("Handed Co 0", mail.body_html)
        self.assertIn("1 follow-up", mail.body_html)
        self.assertIn("Not followed up this week", mail.body_html)
        self.assertIn("Handed Co 1", mail.body_html)
        handover.flush_recordset()
        self.env.cr.execute(
            "UPDATE sop_handover SET date_done = %s WHERE id = %s",
            (datetime.now() - timedelta(days=31), handover.id),
        )
        self.env.invalidate_all()
        mails_before = self.env["mail.mail"].search([])
        self.env["sop.handover"]._cron_sop_handover_feedback()
        self.assertFalse(
            self.env["mail.mail"].search(
                [("id", "not in", mails_before.ids), ("recipient_ids", "in", self.manager_a.partner_id.ids)]
            ),
            "after the first month: no more feedback",
        )
