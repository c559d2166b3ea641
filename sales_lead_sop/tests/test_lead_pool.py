from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadPool(SopCommon):
    """Lead pools (线索池): routing, claim, return, recycling, Odoo's assignment rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["sop.lead.pool"].search([]).active = False
        cls.finance = cls.env["sop.lead.pool"].create(
            {
                "name": "Finance",
                "sequence": 1,
                "domain": "[('partner_name', 'ilike', 'bank')]",
                "team_id": cls.team_a.id,
                "reps_may_claim": True,
            }
        )
        cls.north = cls.env["sop.lead.pool"].create(
            {
                "name": "North China",
                "sequence": 2,
                "domain": "[('city', '=', 'Beijing')]",
                "member_ids": [(6, 0, (cls.rep_a | cls.rep_b).ids)],
                "reps_may_claim": False,
            }
        )

    def _new_lead(self, **vals):
        # as the mail gateway or the API would: no salesperson
        return self.env["crm.lead"].with_context(default_user_id=False).create({"name": "Inbound", **vals})

    def test_routing_to_first_matching_pool(self):
        bank = self._new_lead(partner_name="Big Bank Ltd")
        self.assertEqual(bank.sop_pool_id, self.finance)
        self.assertFalse(bank.user_id, "finance has no assignee: the lead waits to be claimed")
        self.assertEqual(bank.team_id, self.team_a)
        other = self._new_lead(partner_name="Shoes Inc")
        self.assertFalse(other.sop_pool_id)

    def test_round_robin_members_are_notified(self):
        first = self._new_lead(city="Beijing")
        second = self._new_lead(city="Beijing")
        third = self._new_lead(city="Beijing")
        self.assertEqual((first | second | third).mapped("user_id"), self.rep_a | self.rep_b)
        self.assertEqual(first.user_id, third.user_id)
        self.assertNotEqual(first.user_id, second.user_id)
        history = self.env["sop.pool.history"].search([("lead_id", "=", first.id)])
        self.assertEqual(history.action, "assign")
        self.assertEqual(history.to_user_id, first.user_id)
        notified = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", first.id),
                ("partner_ids", "in", first.user_id.partner_id.ids),
            ]
        )
        self.assertTrue(notified, "the rep is told of the lead routed to them")

    def test_claim_by_rep_and_refusals(self):
        lead = self._new_lead(partner_name="Claim Bank")
        lead.with_user(self.rep_a).action_sop_claim()
        self.assertEqual(lead.user_id, self.rep_a)
        row = self.env["sop.pool.history"].search([("lead_id", "=", lead.id), ("action", "=", "claim")])
        self.assertEqual(row.to_user_id, self.rep_a)
        with self.assertRaisesRegex(UserError, "Already taken"):
            lead.with_user(self.rep_b).action_sop_claim()
        self.assertEqual(lead.user_id, self.rep_a)
        closed = self._new_lead(city="Beijing")
        closed.user_id = False
        with self.assertRaisesRegex(UserError, "not in a pool open to claims"):
            closed.with_user(self.rep_c).action_sop_claim()

    def test_return_with_reason_and_cooldown(self):
        lead = self._new_lead(partner_name="Return Bank")
        lead.with_user(self.rep_a).action_sop_claim()
        wizard = (
            self.env["sop.lead.return"]
            .with_user(self.rep_a)
            .create({"lead_ids": [(6, 0, lead.ids)], "reason": "wrong_person", "note": "left the company"})
        )
        wizard.action_apply()
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.sop_pool_id, self.finance)
        row = self.env["sop.pool.history"].search([("lead_id", "=", lead.id), ("action", "=", "release")])
        self.assertEqual(row.from_user_id, self.rep_a)
        self.assertEqual(row.reason, "Wrong Person: left the company")
        with self.assertRaisesRegex(UserError, "cannot come back to you yet"):
            lead.with_user(self.rep_a).action_sop_claim()
        lead.with_user(self.rep_b).action_sop_claim()  # someone else may
        self.assertEqual(lead.user_id, self.rep_b)

    def test_cooldown_ends_after_the_setting(self):
        lead = self._new_lead(partner_name="Cool Bank")
        with freeze_time("2026-03-02 09:00:00"):
            lead.with_user(self.rep_a).action_sop_claim()
            lead.with_user(self.rep_a)._sop_return("unreachable")
        with freeze_time("2026-03-05 08:59:00"):
            with self.assertRaisesRegex(UserError, "cannot come back"):
                lead.with_user(self.rep_a).action_sop_claim()
        with freeze_time("2026-03-05 09:01:00"):
            lead.with_user(self.rep_a).action_sop_claim()
        self.assertEqual(lead.user_id, self.rep_a)

    def test_claim_refused_over_capacity(self):
        self.env["ir.config_parameter"].set_param("sales_lead_sop.lead_capacity", 2)
        self.env["crm.lead"].create({"name": "Held 1", "user_id": self.rep_a.id})
        first = self._new_lead(partner_name="Cap Bank 1")
        first.with_user(self.rep_a).action_sop_claim()  # 2 held: at capacity, allowed
        second = self._new_lead(partner_name="Cap Bank 2")
        with self.assertRaisesRegex(UserError, "more than 2 open leads"):
            second.with_user(self.rep_a).action_sop_claim()
        self.assertFalse(second.user_id)

    def test_return_requires_reason(self):
        lead = self._new_lead(partner_name="Reason Bank")
        lead.with_user(self.rep_a).action_sop_claim()
        with self.assertRaisesRegex(UserError, "give a reason"):
            lead.with_user(self.rep_a)._sop_return("")
        self.assertEqual(lead.user_id, self.rep_a)

    def test_manager_batch_assign_and_rep_cannot(self):
        leads = self._new_lead(partner_name="A Bank") | self._new_lead(partner_name="B Bank")
        with self.assertRaisesRegex(UserError, "Only a sales manager"):
            leads.with_user(self.rep_a)._sop_assign(self.rep_a)
        self.env["sop.lead.assign"].with_user(self.manager_a).create(
            {"lead_ids": [(6, 0, leads.ids)], "user_id": self.rep_b.id}
        ).action_apply()
        self.assertEqual(leads.mapped("user_id"), self.rep_b)
        self.assertEqual(
            self.env["sop.pool.history"].search_count(
                [("lead_id", "in", leads.ids), ("action", "=", "assign")]
            ),
            2,
        )

    def test_recycle_after_45_days_without_contact(self):
        with freeze_time("2026-01-01 09:00:00"):
            lead = self._new_lead(city="Beijing")
            kept = self._new_lead(city="Beijing")
        owner = lead.user_id
        with freeze_time("2026-02-01 09:00:00"):
            self.env["sop.followup"].create({"lead_id": kept.id, "content": "still talking"})
        with freeze_time("2026-02-14 09:00:00"):  # 44 days
            self.assertEqual(self.env["crm.lead"]._cron_sop_recycle_leads(), 0)
            self.assertEqual(lead.user_id, owner)
        with freeze_time("2026-02-15 09:00:01"):  # 45 days
            self.env["crm.lead"]._cron_sop_recycle_leads()
            self.assertNotEqual(lead.user_id, owner)
            self.assertIn(lead.user_id, self.north.member_ids)
            self.assertTrue(kept.user_id, "contacted 14 days ago: untouched")
            row = self.env["sop.pool.history"].search([("lead_id", "=", lead.id), ("action", "=", "recycle")])
            self.assertEqual(row.from_user_id, owner)
            self.assertEqual(row.to_user_id, lead.user_id)
            self.assertEqual(
                self.env["crm.lead"]._cron_sop_recycle_leads(), 0, "a second run changes nothing"
            )

    def test_odoo_assignment_rules_respect_cooldown(self):
        team = self.team_a
        team.crm_team_member_ids.write({"assignment_max": 300})
        team.crm_team_member_ids.filtered(lambda m: m.user_id == self.rep_b).assignment_optout = True
        lead = self.env["crm.lead"].create(
            {"name": "Rule lead", "team_id": team.id, "user_id": self.rep_a.id}
        )
        lead._sop_return("unreachable")
        self.assertFalse(lead.date_open)
        team._action_assign_leads(force_quota=True)
        self.assertFalse(lead.user_id, "rep A gave it back: the rules do not hand it back within cooldown")
        with freeze_time(datetime.now() + timedelta(days=4)):
            team._action_assign_leads(force_quota=True)
        self.assertEqual(lead.user_id, self.rep_a)
        self.assertTrue(lead.sop_notify_pending)
        self.assertGreaterEqual(self.env["crm.lead"]._cron_sop_notify_assignments(), 1)
        self.assertFalse(lead.sop_notify_pending)
        self.assertEqual(self.env["crm.lead"]._cron_sop_notify_assignments(), 0, "told once")
        notified = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("partner_ids", "in", self.rep_a.partner_id.ids),
            ]
        )
        self.assertTrue(notified, "plain Odoo assigns by rule silently; the SOP tells the rep")

    def test_odoo_assignment_rules_unchanged_outside_the_sop(self):
        plain_team = self.env["crm.team"].create(
            {"name": "Plain Odoo Team", "member_ids": [(6, 0, self.rep_c.ids)]}
        )
        plain_team.crm_team_member_ids.write({"assignment_max": 300})
        lead = self.env["crm.lead"].create(
            {"name": "Plain rule lead", "team_id": plain_team.id, "user_id": False}
        )
        plain_team._action_assign_leads(force_quota=True)
        self.assertEqual(lead.user_id, self.rep_c, "Odoo's rules assign as usual")
        self.assertFalse(lead.sop_notify_pending, "no SOP notification outside SOP teams")
