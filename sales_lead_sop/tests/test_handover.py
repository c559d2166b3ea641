from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestHandover(SopCommon):
    """Departure handover (离职交接, SOP §8) run by the manager of the departing rep."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customers = cls.env["res.partner"].create(
            [cls._customer_vals(f"Leaving Co {n}", user_id=cls.rep_a.id) for n in range(3)]
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Buyer Wang",
                "parent_id": cls.customers[0].id,
                "email": "wang@leaving.example",
                "user_id": cls.rep_a.id,
            }
        )
        Lead = cls.env["crm.lead"]
        cls.opportunity = Lead.create(
            {
                "name": "Big order",
                "type": "opportunity",
                "user_id": cls.rep_a.id,
                "team_id": cls.team_a.id,
                "partner_id": cls.customers[0].id,
            }
        )
        cls.loose_lead = Lead.create({"name": "Loose lead", "type": "lead", "user_id": cls.rep_a.id})
        cls.activity = cls.customers[1].activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.rep_a.id, summary="Send samples"
        )
        cls.customers[2].message_subscribe(partner_ids=cls.rep_a.partner_id.ids)
        cls.mine_b = cls._create_customer("B's own Co", user_id=cls.rep_b.id)

    def _set(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(f"sales_lead_sop.{key}", value)

    def _handover(self, receivers, user=None):
        return (
            self.env["sop.handover"]
            .with_user(user or self.manager_a)
            .create({"from_user_id": self.rep_a.id, "receiver_ids": [(6, 0, receivers.ids)]})
        )

    def test_one_receiver_takes_everything(self):
        handover = self._handover(self.rep_b)
        handover.action_preview()
        self.assertEqual(handover.line_ids.partner_id, self.customers)
        self.assertEqual(set(handover.line_ids.to_user_id.ids), {self.rep_b.id})
        first = handover.line_ids.filtered(lambda line: line.partner_id == self.customers[0])
        self.assertIn("wang@leaving.example", first.key_contacts)
        self.assertEqual(first.opportunity_stages, self.opportunity.stage_id.name)
        second = handover.line_ids.filtered(lambda line: line.partner_id == self.customers[1])
        self.assertEqual(second.open_activity_count, 1)
        self.assertEqual((handover.lead_count, handover.activity_count), (2, 1))
        self.assertEqual(self.customers.user_id, self.rep_a, "a preview moves nothing")

        handover.action_confirm()
        self.assertEqual(handover.state, "done")
        self.assertEqual(self.customers.user_id, self.rep_b)
        self.assertEqual(self.contact.user_id, self.rep_b)
        self.assertEqual((self.opportunity | self.loose_lead).user_id, self.rep_b)
        self.assertEqual(self.activity.user_id, self.rep_b)
        self.assertIn(self.rep_b.partner_id, self.customers[2].message_partner_ids)
        self.assertNotIn(self.rep_a.partner_id, self.customers[2].message_partner_ids)
        history = self.env["sop.pool.history"].search(
            [("action", "=", "handover"), ("from_user_id", "=", self.rep_a.id)]
        )
        self.assertEqual(history.partner_id, self.customers)
        self.assertEqual(history.lead_id, self.opportunity | self.loose_lead)
        self.assertEqual(set(history.to_user_id.ids), {self.rep_b.id})
        notified = handover.message_ids.filtered(lambda m: self.rep_b.partner_id in m.partner_ids)
        self.assertTrue(notified, "the receiver is notified")
        self.assertEqual(handover.activity_ids.user_id, self.rep_b)

        with self.assertRaisesRegex(UserError, "Only a receiver"):
            handover.with_user(self.rep_c).action_acknowledge()
        handover.with_user(self.rep_b).action_acknowledge()
        self.assertEqual(handover.acknowledged_user_ids, self.rep_b)
        self.assertFalse(handover.activity_ids)
        with self.assertRaisesRegex(UserError, "already done"):
            handover.action_confirm()

    def test_printable_handover_list(self):
        handover = self._handover(self.rep_b)
        handover.action_confirm()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.rep_b)
            ._render_qweb_html("sales_lead_sop.sop_handover_report", handover.ids)[0]
            .decode()
        )
        for customer in self.customers:
            self.assertIn(customer.name, html)
            self.assertIn(customer.sop_code, html)
        self.assertIn("wang@leaving.example", html)
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            handover.with_user(self.rep_a).read(["name"])  # the former owner does not get the list

    def test_round_robin_within_capacity(self):
        self._set("capacity", 3)  # rep_b holds 1: room 2; manager_a room 3
        handover = self._handover(self.rep_b | self.manager_a)
        handover.action_preview()
        counts = {
            user: len(handover.line_ids.filtered(lambda line, u=user: line.to_user_id == u))
            for user in (self.rep_b, self.manager_a)
        }
        self.assertEqual(sum(counts.values()), 3)
        self.assertLessEqual(counts[self.rep_b], 2)
        self.assertTrue(all(counts.values()), "both receivers get customers")
        handover.action_confirm()
        self.assertEqual(self.customers.user_id, self.rep_b | self.manager_a)
        self.assertLessEqual(self.env["res.partner"]._sop_owned_count(self.rep_b), 3)

    def test_refused_without_room_or_outside_own_teams(self):
        self._set("capacity", 3)  # rep_b holds 1: room 2 for 3 customers
        with self.assertRaisesRegex(UserError, "room for 2 customers"):
            self._handover(self.rep_b).action_preview()
        with self.assertRaisesRegex(UserError, "Rep A is not in a team you lead"):
            self._handover(self.rep_c, user=self.manager_b).action_preview()
        with self.assertRaisesRegex(UserError, "cannot receive their own"):
            self._handover(self.rep_a).action_preview()
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            self._handover(self.rep_b, user=self.rep_c)
        self.assertEqual(self.customers.user_id, self.rep_a)

    def test_block_after_handover_both_sides(self):
        with freeze_time("2026-03-02 10:00:00"):
            self._handover(self.rep_b).action_confirm()
            self.customers[0].with_user(self.rep_b).sop_release("Not my market")
        with freeze_time("2026-03-31 09:00:00"):
            with self.assertRaisesRegex(UserError, "cannot go back to them before 2026-04-01 10:00:00"):
                self.customers[0].with_user(self.rep_a).sop_claim()
            with self.assertRaisesRegex(UserError, "cannot go back to them"):
                self.customers[1].with_user(self.manager_a).sop_assign(self.rep_a)
            with self.assertRaisesRegex(UserError, "cannot go back to them"):
                self.customers[2].with_user(self.manager_a).write({"user_id": self.rep_a.id})
            with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
                self.customers[1].with_user(self.rep_a).read(["email"])
            self.customers[0].with_user(self.rep_c).sop_claim()  # other reps are not blocked
            self.customers[0].with_user(self.rep_c).sop_release("Back to the pool")
        self.assertEqual(self.customers[1:].user_id, self.rep_b)
        with freeze_time("2026-04-05 10:01:00"):
            self.customers[0].with_user(self.rep_a).sop_claim()
        self.assertEqual(self.customers[0].user_id, self.rep_a)

    def test_block_setting(self):
        self._set("handover_block_days", 0)
        with freeze_time("2026-03-02 10:00:00"):
            self._handover(self.rep_b).action_confirm()
            self.customers[1].with_user(self.manager_a).sop_assign(self.rep_a)
        self.assertEqual(self.customers[1].user_id, self.rep_a)

    def test_rep_with_500_customers_and_activities(self):
        self._set("capacity", 1000)
        many = self.env["res.partner"].create(
            [self._customer_vals(f"Bulk Co {n}", user_id=self.rep_a.id) for n in range(497)]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].create(
            [
                {"res_model_id": model, "res_id": p.id, "activity_type_id": todo.id, "user_id": self.rep_a.id}
                for p in many
            ]
        )
        everything = many | self.customers
        self.assertEqual(len(everything), 500)
        handover = self._handover(self.rep_b | self.manager_a)
        handover.action_preview()
        self.assertEqual(len(handover.line_ids), 500)
        handover.action_confirm()
        self.assertFalse(
            self.env["res.partner"].search_count(
                [("user_id", "=", self.rep_a.id), ("sop_managed", "=", True)]
            )
        )
        self.assertEqual(set(everything.user_id.ids), {self.rep_b.id, self.manager_a.id})
        self.assertFalse(
            self.env["mail.activity"].search_count(
                [("user_id", "=", self.rep_a.id), ("res_id", "in", everything.ids)]
            )
        )
        self.assertEqual(
            self.env["sop.pool.history"].search_count(
                [("action", "=", "handover"), ("partner_id", "in", everything.ids)]
            ),
            500,
        )

    def test_unacknowledged_handover_overdue_after_working_days(self):
        with freeze_time("2026-03-02 10:00:00"):  # a Monday
            handover = self._handover(self.rep_b)
            handover.action_confirm()
        Handover = self.env["sop.handover"].with_user(self.manager_a)
        with freeze_time("2026-03-04 10:00:00"):
            self.assertFalse(Handover.search([("id", "=", handover.id), ("ack_overdue", "=", True)]))
        with freeze_time("2026-03-06 12:00:00"):  # Friday: the 3 working days after Monday are over
            self.assertEqual(
                Handover.search([("id", "=", handover.id), ("ack_overdue", "=", True)]), handover
            )
            handover.with_user(self.rep_b).action_acknowledge()
            self.assertTrue(handover.acknowledged)
            self.assertFalse(Handover.search([("id", "=", handover.id), ("ack_overdue", "=", True)]))
