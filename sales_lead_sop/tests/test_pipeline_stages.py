from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPipelineStages(SopCommon):
    """Opportunity stages of SOP.md §6 and their rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inquiry = cls.env.ref("sales_lead_sop.stage_inquiry")
        cls.sample = cls.env.ref("sales_lead_sop.stage_sample")
        cls.contract = cls.env.ref("sales_lead_sop.stage_contract")
        cls.customer = cls._create_customer("Pipeline Co", user=cls.rep_a)

    def _opportunity(self, **vals):
        return (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create(
                {
                    "name": "LED panel - retail - 500 pcs",
                    "type": "opportunity",
                    "partner_id": self.customer.id,
                    "stage_id": self.inquiry.id,
                    "user_id": self.rep_a.id,
                    **vals,
                }
            )
        )

    def test_stages_exist_in_order_and_won_is_won(self):
        xmlids = [
            "inquiry",
            "negotiation",
            "sample",
            "contract",
            "deposit",
            "stocking",
            "final_payment",
            "won",
        ]
        stages = [self.env.ref(f"sales_lead_sop.stage_{x}") for x in xmlids]
        self.assertEqual([s.sequence for s in stages], sorted(s.sequence for s in stages))
        self.assertTrue(stages[-1].is_won)
        self.assertFalse(any(s.is_won for s in stages[:-1]))

    @freeze_time("2026-03-15 10:00:00")
    def test_expected_closing_defaults_to_one_month(self):
        self.assertEqual(self._opportunity().date_deadline, date(2026, 4, 15))
        self.assertEqual(self._opportunity(date_deadline="2026-06-01").date_deadline, date(2026, 6, 1))

    def test_amount_required_from_contract_stage(self):
        opportunity = self._opportunity()
        opportunity.stage_id = self.sample  # before contract: no amount needed
        with self.assertRaisesRegex(ValidationError, "expected amount is required"):
            with self.env.cr.savepoint():
                opportunity.with_user(self.rep_a).write({"stage_id": self.contract.id})
        self.assertEqual(opportunity.stage_id, self.sample)
        opportunity.with_user(self.rep_a).write({"stage_id": self.contract.id, "expected_revenue": 12000})
        self.assertEqual(opportunity.stage_id, self.contract)
        with self.assertRaisesRegex(ValidationError, "expected amount is required"):
            self._opportunity(stage_id=self.contract.id)

    def test_lost_reason_required(self):
        opportunity = self._opportunity()
        wizard = (
            self.env["crm.lead.lost"].with_user(self.rep_a).create({"lead_ids": [(6, 0, opportunity.ids)]})
        )
        with self.assertRaisesRegex(UserError, "lost reason"):
            wizard.action_lost_reason_apply()
        self.assertTrue(opportunity.active)
        reason = self.env.ref("sales_lead_sop.lost_reason_price")
        wizard.lost_reason_id = reason
        wizard.action_lost_reason_apply()
        self.assertFalse(opportunity.active)
        self.assertEqual(opportunity.lost_reason_id, reason)

    def test_plain_odoo_opportunity_can_still_be_lost_without_reason(self):
        stage = self.env["crm.stage"].create({"name": "Plain stage"})
        opportunity = self.env["crm.lead"].create(
            {"name": "Plain", "type": "opportunity", "stage_id": stage.id}
        )
        opportunity.action_set_lost()
        self.assertFalse(opportunity.active)

    @freeze_time("2026-05-20 10:00:00")
    def test_won_starts_the_order_record(self):
        opportunity = self._opportunity(expected_revenue=8000)
        opportunity.with_user(self.rep_a).action_set_won()
        self.assertEqual(opportunity.stage_id, self.env.ref("sales_lead_sop.stage_won"))
        self.assertEqual(opportunity.sop_order_amount, 8000)
        self.assertEqual(opportunity.sop_order_date, date(2026, 5, 20))
        opportunity.with_user(self.rep_a).sop_pi_number = "PI0001"
        self.assertEqual(opportunity.sop_pi_number, "PI0001")
