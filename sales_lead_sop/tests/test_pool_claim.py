from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPoolClaim(SopCommon):
    """Claim, release and assign as the user concerned, with every refusal path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public = cls._create_customer("Public Trading Co")
        cls.owned_b = cls._create_customer("Owned By B Ltd", user_id=cls.rep_b.id)

    def _set(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(f"sales_lead_sop.{key}", value)

    def _history(self, partner, action):
        return self.env["sop.pool.history"].search([("partner_id", "=", partner.id), ("action", "=", action)])

    def test_only_a_manager_archives_a_customer(self):
        mine = self._create_customer("Mine To Archive Co", user=self.rep_a)
        contact = (
            self.env["res.partner"]
            .with_user(self.rep_a)
            .create({"name": "Ms Contact", "parent_id": mine.id, "email": "ms.contact@mine.example"})
        )
        with self.assertRaisesRegex(UserError, "Release it to the public pool"):
            mine.with_user(self.rep_a).action_archive()
        self.assertTrue(mine.active)
        contact.with_user(self.rep_a).action_archive()  # a contact who left is the rep's business
        self.assertFalse(contact.active)
        mine.with_user(self.manager_a).action_archive()
        self.assertFalse(mine.active)
        with self.assertRaises(UserError):
            mine.with_user(self.rep_a).action_unarchive()
        self.assertFalse(mine.active)

    def test_claim_public_customer(self):
        self.assertEqual(self.public.sop_pool_state, "public")
        self.public.with_user(self.rep_a).sop_claim()
        self.assertEqual(self.public.user_id, self.rep_a)
        self.assertEqual(self.public.sop_pool_state, "private")
        history = self._history(self.public, "claim")
        self.assertEqual(len(history), 1)
        self.assertEqual(history.to_user_id, self.rep_a)
        self.assertFalse(history.from_user_id)
        self.assertTrue(self.public.sop_recycle_date, "a claimed potential customer gets a recycle date")

    def test_claim_button_names_the_customer_and_places_left(self):
        self._set("capacity", "5")
        self._create_customer("Already Mine Co", user=self.rep_a)
        action = (
            self.env["sop.public.customer"].with_user(self.rep_a).browse(self.public.id).action_sop_claim()
        )
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("Public Trading Co", action["params"]["message"])
        self.assertIn("3 of 5", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["res_id"], self.public.id)
        self.assertEqual(self.public.user_id, self.rep_a)

    def test_claim_owned_customer_names_the_winner(self):
        with self.assertRaisesRegex(UserError, "no longer in the public pool: Rep B was faster"):
            self.owned_b.with_user(self.rep_a).sop_claim()
        self.assertEqual(self.owned_b.user_id, self.rep_b)
        self.assertFalse(self._history(self.owned_b, "claim"))

    def test_claim_non_sop_partner_refused(self):
        other = self.env["res.partner"].create({"name": "Not SOP"})
        with self.assertRaisesRegex(UserError, "not a customer managed by the SOP"):
            other.with_user(self.rep_a).sop_claim()
        self.assertFalse(other.user_id)

    def test_capacity_both_sides(self):
        self._set("capacity", 2)
        self._create_customer("Mine 1", user_id=self.rep_a.id)
        second = self._create_customer("Second Public")
        second.with_user(self.rep_a).sop_claim()  # 2 of 2: allowed
        with self.assertRaisesRegex(UserError, "would exceed the capacity of 2"):
            self.public.with_user(self.rep_a).sop_claim()
        self.assertFalse(self.public.user_id)
        self._set("capacity", 3)
        self.public.with_user(self.rep_a).sop_claim()
        self.assertEqual(self.public.user_id, self.rep_a)

    def test_capacity_on_new_entries(self):
        self._set("capacity", 1)
        self._create_customer("Mine 1", user_id=self.rep_a.id)
        with self.assertRaisesRegex(UserError, "would exceed the capacity of 1"):
            self._create_customer("Mine 2", user_id=self.rep_a.id)

    def test_daily_claim_limit(self):
        others = self._create_customer("Public 2") | self._create_customer("Public 3")
        self._set("daily_claim_limit", 0)
        (self.public | others[0]).with_user(self.rep_a).sop_claim()  # 0 = no limit
        self._set("daily_claim_limit", 3)
        others[1].with_user(self.rep_a).sop_claim()  # third of the day: allowed
        fourth = self._create_customer("Public 4")
        with self.assertRaisesRegex(UserError, "claimed 3 customers today; the daily limit is 3"):
            fourth.with_user(self.rep_a).sop_claim()
        self.assertFalse(fourth.user_id)
        fourth.with_user(self.rep_b).sop_claim()  # the limit is per rep
        self.assertEqual(fourth.user_id, self.rep_b)

    def test_cooldown_after_release_and_expiry(self):
        with freeze_time("2026-03-02 10:00:00"):
            self.public.with_user(self.rep_a).sop_claim()
            self.public.with_user(self.rep_a).sop_release("Unreachable")
        with freeze_time("2026-03-05 09:59:00"):
            with self.assertRaisesRegex(UserError, "can claim it again after 2026-03-05 10:00:00"):
                self.public.with_user(self.rep_a).sop_claim()
            self.assertFalse(self.public.user_id)
        with freeze_time("2026-03-05 10:01:00"):
            self.public.with_user(self.rep_a).sop_claim()
        self.assertEqual(self.public.user_id, self.rep_a)

    def test_cooldown_only_for_the_rep_who_left(self):
        with freeze_time("2026-03-02 10:00:00"):
            self.public.with_user(self.rep_a).sop_claim()
            self.public.with_user(self.rep_a).sop_release("No need")
            self.public.with_user(self.rep_b).sop_claim()
        self.assertEqual(self.public.user_id, self.rep_b)

    def test_cooldown_setting(self):
        self._set("cooldown_days", 1)
        with freeze_time("2026-03-02 10:00:00"):
            self.public.with_user(self.rep_a).sop_claim()
            self.public.with_user(self.rep_a).sop_release("No need")
        with freeze_time("2026-03-03 10:01:00"):
            self.public.with_user(self.rep_a).sop_claim()
        self.assertEqual(self.public.user_id, self.rep_a)

    def test_release_rules(self):
        with self.assertRaisesRegex(UserError, "Say why"):
            self.owned_b.with_user(self.rep_b).sop_release("  ")
        with self.assertRaisesRegex(UserError, "only its owner can release it"):
            self.owned_b.with_user(self.manager_a).sop_release("mine now")
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            self.owned_b.with_user(self.rep_a).sop_release("mine now")  # not even readable (issue 7)
        with self.assertRaisesRegex(UserError, "already in the public pool"):
            self.public.with_user(self.admin).sop_release("why not")
        self.assertEqual(self.owned_b.user_id, self.rep_b)
        self.owned_b.with_user(self.rep_b).sop_release("Wrong person")
        self.assertFalse(self.owned_b.user_id)
        self.assertEqual(self.owned_b.sop_pool_state, "public")
        self.assertFalse(self.owned_b.sop_recycle_date)
        history = self._history(self.owned_b, "release")
        self.assertEqual(
            (history.from_user_id, history.to_user_id, history.reason),
            (self.rep_b, self.env["res.users"], "Wrong person"),
        )

    def test_release_wizard_joins_reason_and_note(self):
        reason = self.env.ref("sales_lead_sop.release_reason_unreachable")
        wizard = (
            self.env["sop.partner.release"]
            .with_user(self.rep_b)
            .create({"partner_ids": [(6, 0, self.owned_b.ids)], "reason_id": reason.id, "note": "3 calls"})
        )
        action = wizard.action_release()
        self.assertEqual(self._history(self.owned_b, "release").reason, "Unreachable - 3 calls")
        self.assertIn("Owned By B Ltd", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["type"], "ir.actions.act_window_close")

    def test_release_from_the_form_is_a_page_that_leads_to_my_customers(self):
        # Once released the rep cannot read the customer: reloading its form would fail.
        action = self.owned_b.with_user(self.rep_b).action_sop_release()
        self.assertEqual(action["target"], "current")
        wizard = (
            self.env["sop.partner.release"]
            .with_user(self.rep_b)
            .with_context(action["context"])
            .create({"note": "Buys from a distributor now"})
        )
        done = wizard.action_release()
        self.assertFalse(self.owned_b.user_id)
        self.assertEqual(done["params"]["next"]["target"], "main")
        self.assertEqual(done["params"]["next"]["res_model"], "res.partner")
        self.assertEqual(
            (self.owned_b | self.public).with_user(self.rep_b).action_sop_release()["target"], "new"
        )

    def test_manager_assigns_in_own_team(self):
        customers = self.public | self._create_customer("Public 2")
        customers.with_user(self.manager_a).sop_assign(self.rep_a)
        self.assertEqual(customers.user_id, self.rep_a)
        self.owned_b.with_user(self.manager_a).sop_assign(self.rep_a.id)
        history = self._history(self.owned_b, "assign")
        self.assertEqual((history.from_user_id, history.to_user_id), (self.rep_b, self.rep_a))
        with self.assertRaisesRegex(UserError, "Rep C is not in a team you lead"):
            self.public.with_user(self.manager_a).sop_assign(self.rep_c)
        self.assertEqual(self.public.user_id, self.rep_a)

    def test_rep_cannot_assign(self):
        with self.assertRaisesRegex(UserError, "Only team managers"):
            self.public.with_user(self.rep_a).sop_assign(self.rep_a)
        self.assertFalse(self.public.user_id)

    def test_assign_capacity_and_override(self):
        self._set("capacity", 1)
        self._create_customer("Mine 1", user_id=self.rep_a.id)
        with self.assertRaisesRegex(UserError, "would exceed the capacity of 1"):
            self.public.with_user(self.manager_a).sop_assign(self.rep_a)
        with self.assertRaisesRegex(UserError, "Give a reason"):
            self.public.with_user(self.manager_a).sop_assign(self.rep_a, override_capacity=True)
        self.assertFalse(self.public.user_id)
        self.public.with_user(self.manager_a).sop_assign(
            self.rep_a, reason="Key trade show", override_capacity=True
        )
        self.assertEqual(self.public.user_id, self.rep_a)
        self.assertEqual(self._history(self.public, "assign").reason, "Key trade show")

    def test_create_and_form_owner_change_are_logged(self):
        customer = self._create_customer("Logged Co", user_id=self.rep_a.id)
        created = self._history(customer, "create")
        self.assertEqual(created.to_user_id, self.rep_a)
        customer.user_id = self.rep_b
        self.assertEqual(self._history(customer, "assign").from_user_id, self.rep_a)

    def test_history_is_append_only(self):
        self.public.with_user(self.rep_a).sop_claim()
        row = self._history(self.public, "claim")
        with self.assertRaisesRegex(UserError, "append-only"):
            row.write({"reason": "forged"})
        with self.assertRaisesRegex(UserError, "append-only"):
            row.unlink()

    def test_public_pool_membership_and_domain(self):
        pool = self.env["sop.public.pool"].create(
            {
                "name": "China",
                "domain": f"[('country_id', '=', {self.country_cn.id})]",
                "member_ids": [(6, 0, self.rep_a.ids)],
            }
        )
        self._create_customer("US Public", country_id=self.env.ref("base.us").id)
        action = pool.with_user(self.rep_a).action_view_customers()
        found = self.env["res.partner"].browse(self.env["sop.public.customer"].search(action["domain"]).ids)
        self.assertIn(self.public, found)
        self.assertNotIn(self.owned_b, found)
        self.assertEqual(set(found.country_id.ids), {self.country_cn.id})
        mine = self.env["sop.public.pool"].with_user(self.rep_a).search([("member_ids", "in", self.rep_a.id)])
        self.assertEqual(mine, pool)
        self.assertFalse(
            self.env["sop.public.pool"].with_user(self.rep_b).search([("member_ids", "in", self.rep_b.id)])
        )
