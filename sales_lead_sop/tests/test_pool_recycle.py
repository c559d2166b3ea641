from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon

START = "2026-03-02 08:00:00"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPoolRecycle(SopCommon):
    """Recycling rules, warnings, the job, its dry run and undo, with time frozen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule_group = cls.env.ref("sales_lead_sop.recycle_rule_no_contact_group")
        cls.rule_entry = cls.env.ref("sales_lead_sop.recycle_rule_no_contact_since_entry")
        cls.rule_visit = cls.env.ref("sales_lead_sop.recycle_rule_no_visit")
        cls.rule_deal = cls.env.ref("sales_lead_sop.recycle_rule_no_deal")
        with freeze_time(START):
            cls.customer = cls._create_customer("Recycle Me Co", user_id=cls.rep_a.id)

    def _run(self, day):
        with freeze_time(day):
            return self.env["res.partner"]._cron_sop_recycle()

    def _recycles(self, partner):
        return self.env["sop.pool.history"].search(
            [("partner_id", "=", partner.id), ("action", "=", "recycle")]
        )

    def _followup(self, partner, when, method="phone"):
        with freeze_time(when):
            self.env["sop.followup"].with_user(partner.user_id).create(
                {"partner_id": partner.id, "method": method, "content": "Talked about prices"}
            )

    def test_shipped_rules(self):
        rules = self.env["sop.recycle.rule"].with_context(active_test=False).search([])
        self.assertTrue(self.rule_group.active)
        self.assertFalse((self.rule_entry | self.rule_visit | self.rule_deal).filtered("active"))
        self.assertEqual(set(rules.mapped("warn_days")), {7})
        self.assertEqual((self.rule_entry.days, self.rule_visit.days, self.rule_deal.days), (30, 60, 180))

    def test_group_days_both_sides_and_rerun(self):
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 4, 1))  # potential: 30 days
        self.assertEqual(self.customer.sop_recycle_rule_id, self.rule_group)
        self.assertEqual(self._run("2026-03-31 12:00:00"), 0)
        self.assertEqual(self.customer.user_id, self.rep_a)
        self.assertEqual(self._run("2026-04-01 02:00:00"), 1)
        self.assertFalse(self.customer.user_id)
        self.assertEqual(self.customer.sop_pool_state, "public")
        self.assertFalse(self.customer.sop_recycle_date)
        recycle = self._recycles(self.customer)
        self.assertEqual((recycle.from_user_id, recycle.recycle_rule_id), (self.rep_a, self.rule_group))
        self.assertIn("No contact for the group's days", recycle.reason)
        self.assertEqual(self._run("2026-04-01 03:00:00"), 0)
        self.assertEqual(len(self._recycles(self.customer)), 1)

    def test_intent_and_partner_group_days(self):
        with freeze_time(START):
            partner = self._create_customer(
                "Partner Co",
                user_id=self.rep_b.id,
                sop_group_id=self.env.ref("sales_lead_sop.customer_group_partner").id,
            )
        self.assertEqual(partner.sop_recycle_date, date(2026, 4, 16))  # 45 days

    def test_key_account_exempt(self):
        key = self._create_customer("Key Co", user_id=self.rep_a.id, sop_group_id=self.group_key_account.id)
        self.assertFalse(key.sop_recycle_date)
        self._run("2027-03-02 08:00:00")
        self.assertFalse(self.customer.user_id, "the potential customer is recycled")
        self.assertEqual(key.user_id, self.rep_a, "the key account is exempt")

    def test_contact_moves_recycle_date(self):
        self._followup(self.customer, "2026-03-20 09:00:00")
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 4, 19))
        self.assertEqual(self._run("2026-04-01 02:00:00"), 0)
        self.assertEqual(self.customer.user_id, self.rep_a)

    def test_group_change_moves_recycle_date(self):
        self.customer.sop_group_id = self.group_key_account
        self.assertFalse(self.customer.sop_recycle_date)

    def test_warning_before_recycle(self):
        activities = self.env["mail.activity"].search
        domain = [("res_model", "=", "res.partner"), ("res_id", "=", self.customer.id)]
        self._run("2026-03-24 08:00:00")  # 8 days before: no warning yet
        self.assertFalse(activities(domain))
        self._run("2026-03-25 08:00:00")  # 7 days before
        warning = activities(domain)
        self.assertEqual(len(warning), 1)
        self.assertEqual(warning.user_id, self.rep_a)
        self.assertEqual(warning.date_deadline, date(2026, 3, 31))
        self.assertIn("No contact for the group", warning.note)
        self.assertIn("2026-04-01", warning.note)
        notices = self.env["mail.message"].search(
            [("partner_ids", "in", self.rep_a.partner_id.id), ("subject", "ilike", "about to return")]
        )
        self.assertEqual(len(notices), 1)
        self.assertIn("1 of your customers", notices.body)
        self._run("2026-03-26 08:00:00")
        self.assertEqual(len(activities(domain)), 1, "warned once per recycle date")
        self.assertEqual(
            self.env["mail.message"].search_count(
                [("partner_ids", "in", self.rep_a.partner_id.id), ("subject", "ilike", "about to return")]
            ),
            1,
        )
        self._followup(self.customer, "2026-03-27 08:00:00")  # contact: new date, warned again later
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 4, 26))
        self._run("2026-04-19 08:00:00")
        self.assertEqual(len(activities(domain)), 2)

    def test_no_contact_since_entry_rule(self):
        self.rule_entry.active = True
        self.rule_group.active = False
        with freeze_time("2026-03-10 08:00:00"):
            fresh = self._create_customer("Fresh Co")
            fresh.with_user(self.rep_b).sop_claim()
        self.assertEqual(fresh.sop_recycle_date, date(2026, 4, 9))
        self.assertEqual(fresh.sop_recycle_rule_id, self.rule_entry)
        self._followup(fresh, "2026-03-12 08:00:00")
        self.assertFalse(fresh.sop_recycle_date, "contacted since entry: the rule no longer applies")

    def test_no_visit_rule(self):
        self.rule_group.active = False
        self.rule_visit.active = True
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 5, 1))  # 60 days after entry
        self._followup(self.customer, "2026-04-20 08:00:00", method="phone")
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 5, 1), "a call is not a visit")
        self._followup(self.customer, "2026-04-21 08:00:00", method="visit")
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 6, 20))
        self.assertEqual(self._run("2026-06-19 08:00:00"), 0)
        self.assertEqual(self._run("2026-06-20 08:00:00"), 1)

    def test_no_deal_rule(self):
        self.rule_group.active = False
        self.rule_deal.active = True
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 8, 29))  # 180 days
        won = self.env["crm.stage"].search([("is_won", "=", True), ("sop_pipeline", "=", True)], limit=1)
        with freeze_time("2026-06-01 08:00:00"):
            lead = self.env["crm.lead"].create(
                {
                    "name": "Deal",
                    "type": "opportunity",
                    "partner_id": self.customer.id,
                    "expected_revenue": 1000,
                }
            )
            lead.stage_id = won
        # The job re-evaluates every customer it finds due before moving it.
        self.assertEqual(self._run("2026-08-29 08:00:00"), 0)
        self.assertEqual(self.customer.user_id, self.rep_a)
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 11, 28))

    def test_rule_days_and_groups_are_configuration(self):
        self.rule_group.group_ids = self.group_intent  # potential no longer covered
        self.assertFalse(self.customer.sop_recycle_date)
        self.rule_group.write({"group_ids": [(5,)], "days": 10})
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 3, 12))

    def test_recycle_starts_cooldown(self):
        self._run("2026-04-01 02:00:00")
        with freeze_time("2026-04-03 02:00:00"):
            with self.assertRaisesRegex(UserError, "can claim it again after"):
                self.customer.with_user(self.rep_a).sop_claim()
            self.customer.with_user(self.rep_b).sop_claim()
        self.assertEqual(self.customer.user_id, self.rep_b)

    def test_dry_run_matches_job(self):
        with freeze_time(START):
            later = self._create_customer("Later Co", user_id=self.rep_b.id)
        self._followup(later, "2026-03-03 08:00:00")  # due 2026-04-02
        with freeze_time("2026-03-20 08:00:00"):
            week = self._create_customer("Week Co", user_id=self.rep_b.id)  # due 2026-04-19
        with freeze_time("2026-04-01 02:00:00"):
            preview = self.env["sop.recycle.preview"].with_user(self.admin).create({})
            self.assertEqual((preview.count_today, preview.count_tomorrow, preview.count_week), (1, 1, 2))
            self.assertEqual(preview.line_ids.partner_id, self.customer | later)
            today_ids = {line.partner_id.id for line in preview.line_ids if line.date == date(2026, 4, 1)}
        self._run("2026-04-01 02:00:00")
        recycled = self.env["sop.pool.history"].search([("action", "=", "recycle")]).partner_id
        self.assertEqual(set(recycled.ids), today_ids)
        self.assertEqual(week.user_id, self.rep_b)

    def test_dry_run_of_inactive_rule(self):
        self.rule_entry.days = 5
        with freeze_time("2026-03-08 08:00:00"):
            preview = (
                self.env["sop.recycle.preview"].with_user(self.admin).create({"rule_id": self.rule_entry.id})
            )
            self.assertEqual(preview.count_today, 1)
            self.assertEqual(preview.line_ids.rule_id, self.rule_entry)
            plain = self.env["sop.recycle.preview"].with_user(self.admin).create({})
            self.assertEqual(plain.count_week, 0)
        self.assertFalse(self.rule_entry.active, "a dry run changes nothing")
        self.assertEqual(self.customer.sop_recycle_date, date(2026, 4, 1))

    def test_job_resumes_after_kill_without_duplicates(self):
        with freeze_time(START):
            others = self._create_customer("Two Co", user_id=self.rep_b.id) | self._create_customer(
                "Three Co", user_id=self.rep_b.id
            )
        everyone = self.customer | others
        with freeze_time("2026-04-01 02:00:00"):
            Partner = self.env["res.partner"]
            run = self.env["sop.recycle.run"].create({})
            # One batch done (committed in production), then the process dies.
            self.assertEqual(Partner._sop_recycle_batch(date(2026, 4, 1), 1, run, {}), 1)
            self.assertEqual(Partner._cron_sop_recycle(batch_size=1), 2)
        self.assertFalse(everyone.user_id)
        for partner in everyone:
            self.assertEqual(len(self._recycles(partner)), 1)

    def test_undo_per_customer_and_window(self):
        self._run("2026-04-01 02:00:00")
        with freeze_time("2026-04-03 02:00:00"):
            with self.assertRaisesRegex(UserError, "Only managers"):
                self.customer.with_user(self.rep_a)._sop_undo_recycle("oops")
            self.customer.with_user(self.manager_a).action_sop_undo_recycle()
        self.assertEqual(self.customer.user_id, self.rep_a)
        last = self.env["sop.pool.history"].search([("partner_id", "=", self.customer.id)], limit=1)
        self.assertEqual((last.action, last.to_user_id), ("assign", self.rep_a))
        self.assertIn("Recycle undone", last.reason)
        with freeze_time("2026-04-03 03:00:00"), self.assertRaisesRegex(UserError, "no recycle to undo"):
            self.customer.with_user(self.manager_a).action_sop_undo_recycle()

    def test_undo_refused_after_window(self):
        self._run("2026-04-01 02:00:00")
        with (
            freeze_time("2026-04-08 03:00:00"),
            self.assertRaisesRegex(UserError, "older than the undo window"),
        ):
            self.customer.with_user(self.manager_a).action_sop_undo_recycle()
        self.assertFalse(self.customer.user_id)

    def test_undo_whole_run_skips_claimed(self):
        with freeze_time(START):
            other = self._create_customer("Two Co", user_id=self.rep_b.id)
        self._run("2026-04-01 02:00:00")
        run = self.env["sop.recycle.run"].search([], limit=1)
        self.assertEqual(run.recycled_count, 2)
        with freeze_time("2026-04-02 02:00:00"):
            other.with_user(self.rep_c).sop_claim()
            result = run.with_user(self.manager_a).action_undo()
        self.assertEqual(self.customer.user_id, self.rep_a)
        self.assertEqual(other.user_id, self.rep_c)
        self.assertIn("1 customers returned", result["params"]["message"])
        self.assertIn("1 skipped", result["params"]["message"])

    def test_bounce_report(self):
        customer = self._create_customer("Bouncer Co")
        with freeze_time("2026-03-02"):
            customer.with_user(self.rep_a).sop_claim()
            customer.with_user(self.rep_a).sop_release("No need")
            customer.with_user(self.rep_b).sop_claim()
            customer.with_user(self.rep_b).sop_release("No need")
            customer.with_user(self.rep_c).sop_claim()
        self.env.flush_all()
        line = (
            self.env["sop.pool.bounce.report"]
            .with_user(self.manager_a)
            .search([("partner_id", "=", customer.id)])
        )
        self.assertEqual((line.owner_count, line.move_count), (3, 5))
