from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestGroupMoves(SopCommon):
    """Automatic group moves (SOP.md §4, [000 §2.2]) on Odoo's own won and lost paths, as the rep
    who owns the customer; each is logged on the customer and moves its recycle date at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.won = cls.env.ref("sales_lead_sop.stage_won")
        cls.inquiry = cls.env.ref("sales_lead_sop.stage_inquiry")
        cls.group_first_deal = cls.env.ref("sales_lead_sop.customer_group_first_deal")
        cls.group_partner = cls.env.ref("sales_lead_sop.customer_group_partner")
        cls.group_bulk = cls.env.ref("sales_lead_sop.customer_group_bulk")
        cls.no_chance = cls.env.ref("sales_lead_sop.lost_reason_competitor")
        cls.price = cls.env.ref("sales_lead_sop.lost_reason_price")

    def _opportunity(self, customer, name="LED panel - retail - 500 pcs", user=None):
        return (
            self.env["crm.lead"]
            .with_user(user or self.rep_a)
            .create(
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": self.rep_a.id,
                    "team_id": self.team_a.id,
                    "expected_revenue": 5000,
                }
            )
        )

    def _notes(self, customer):
        return customer.message_ids.filtered(lambda m: "Customer group moved" in (m.body or "")).mapped(
            "body"
        )

    def test_new_opportunity_moves_potential_to_intent(self):
        customer = self._create_customer("Move Potential Co", user=self.rep_a)
        self.assertEqual(customer.sop_group_id, self.group_potential)
        self._opportunity(customer)
        self.assertEqual(customer.sop_group_id, self.group_intent)
        self.assertEqual(len(self._notes(customer)), 1)
        self.assertIn("New opportunity: Potential to Intent", self._notes(customer)[0])

    def test_won_then_second_won_reach_partner_and_recycle_period_follows(self):
        customer = self._create_customer("Move Won Co", user=self.rep_a, sop_group_id=self.group_intent.id)
        today = fields.Date.context_today(customer)
        self.assertEqual(customer.sop_recycle_date, today + timedelta(days=30))
        first, second = self._opportunity(customer), self._opportunity(customer, name="Second deal")
        # Odoo's Won button
        first.with_user(self.rep_a).action_set_won()
        self.assertEqual(customer.sop_group_id, self.group_first_deal)
        self.assertEqual(customer.sop_recycle_date, today + timedelta(days=45), "first deal: 45 days")
        # the kanban drag writes the stage
        second.with_user(self.rep_a).write({"stage_id": self.won.id})
        self.assertEqual(customer.sop_group_id, self.group_partner)
        self.assertEqual(len(self._notes(customer)), 2)
        # a won deal that is saved again moves nothing more
        second.with_user(self.rep_a).write({"stage_id": self.won.id, "description": "PI0001"})
        self.assertEqual(len(self._notes(customer)), 2)

    def test_lost_with_no_short_term_chance_moves_intent_to_potential(self):
        customer = self._create_customer("Move Lost Co", user=self.rep_a, sop_group_id=self.group_intent.id)
        opportunity, other = self._opportunity(customer), self._opportunity(customer, name="Other need")
        wizard = (
            self.env["crm.lead.lost"]
            .with_user(self.rep_a)
            .create({"lead_ids": [(6, 0, opportunity.ids)], "lost_reason_id": self.no_chance.id})
        )
        wizard.action_lost_reason_apply()
        self.assertFalse(opportunity.active)
        self.assertEqual(customer.sop_group_id, self.group_intent, "another opportunity is still open")
        other.with_user(self.rep_a).action_set_lost(lost_reason_id=self.no_chance.id)
        self.assertEqual(customer.sop_group_id, self.group_potential)
        self.assertIn("Lost to a competitor", self._notes(customer)[0])

    def test_lost_on_price_keeps_intent(self):
        customer = self._create_customer("Move Price Co", user=self.rep_a, sop_group_id=self.group_intent.id)
        opportunity = self._opportunity(customer)
        opportunity.with_user(self.rep_a).action_set_lost(lost_reason_id=self.price.id)
        self.assertFalse(opportunity.active)
        self.assertEqual(customer.sop_group_id, self.group_intent)
        self.assertFalse(self._notes(customer))

    def test_bulk_customer_replying_moves_to_potential(self):
        by_mail = self._create_customer(
            "Move Bulk Mail Co", sop_group_id=self.group_bulk.id, email="buyer@bulk.example"
        )
        by_followup = self._create_customer(
            "Move Bulk Call Co", user=self.rep_a, sop_group_id=self.group_bulk.id
        )
        self.assertFalse(by_followup.sop_recycle_date, "bulk marketing is never recycled")
        # a mass mailing sent to the customer is not a reply
        by_mail.message_post(
            body="Spring offer",
            message_type="comment",
            partner_ids=by_mail.ids,
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(by_mail.sop_group_id, self.group_bulk)
        # an email from the customer arriving on its record (the mail gateway runs as superuser)
        by_mail.message_post(body="Interested, send a price list", message_type="email", author_id=by_mail.id)
        self.assertEqual(by_mail.sop_group_id, self.group_potential)
        self.assertEqual(by_mail.sop_recycle_date, False, "unowned: no recycle date")
        # a follow-up the owner logs with a bulk customer
        self.env["sop.followup"].with_user(self.rep_a).create(
            {"partner_id": by_followup.id, "method": "phone", "content": "Called back after the mailing"}
        )
        self.assertEqual(by_followup.sop_group_id, self.group_potential)
        self.assertTrue(by_followup.sop_recycle_date, "potential: recycled after 30 days without contact")

    def test_admin_switches_a_move_off(self):
        self.env.ref("sales_lead_sop.group_move_won_intent").with_user(self.admin).active = False
        customer = self._create_customer("Move Off Co", user=self.rep_a, sop_group_id=self.group_intent.id)
        self._opportunity(customer).with_user(self.rep_a).action_set_won()
        self.assertEqual(customer.sop_group_id, self.group_intent)
        self.assertFalse(self._notes(customer))

    def test_move_ignores_a_profile_the_admin_made_stricter(self):
        customer = self._create_customer("Move Strict Co", user=self.rep_a, sop_group_id=self.group_intent.id)
        self.env.ref("sales_lead_sop.profile_field_street").with_user(self.admin).required = True
        self._opportunity(customer).with_user(self.rep_a).action_set_won()
        self.assertEqual(customer.sop_group_id, self.group_first_deal)

    def test_plain_partner_never_moves(self):
        plain = self.env["res.partner"].create({"name": "Plain Odoo Co", "is_company": True})
        opportunity = self._opportunity(plain)
        opportunity.with_user(self.rep_a).action_set_won()
        self.assertFalse(plain.sop_group_id)

    def test_one_active_move_per_trigger_and_group(self):
        with self.assertRaisesRegex(ValidationError, "Another active group move"):
            with self.env.cr.savepoint():
                self.env["sop.group.move"].with_user(self.admin).create(
                    {
                        "name": "Twin",
                        "trigger": "won",
                        "from_group_id": self.group_intent.id,
                        "to_group_id": self.group_partner.id,
                    }
                )
