import importlib.util
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import file_path

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
        cls.won = cls.env.ref("sales_lead_sop.stage_won")
        cls.sop_stages = cls.env["crm.stage"].search([("sop_pipeline", "=", True), ("team_id", "=", False)])
        cls.odoo_new = cls.env.ref("crm.stage_lead1")
        # a team that keeps Odoo's pipeline, with its own rep
        cls.plain_rep = new_test_user(cls.env, "sop_plain_rep", groups="sales_team.group_sale_salesman")
        cls.plain_team = cls.env["crm.team"].create(
            {"name": "Plain Team", "member_ids": [(6, 0, cls.plain_rep.ids)]}
        )

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

    # ------------------------------------------------------------
    # columns and ways into the pipeline
    # ------------------------------------------------------------

    def _columns(self, user, team):
        groups = (
            self.env["crm.lead"]
            .with_user(user)
            .with_context(default_team_id=team.id)
            .web_read_group([("type", "=", "opportunity")], ["stage_id"], ["stage_id"])["groups"]
        )
        return self.env["crm.stage"].browse([group["stage_id"][0] for group in groups])

    def test_sop_team_pipeline_shows_only_sop_stages(self):
        self._opportunity()
        self.assertEqual(self._columns(self.rep_a, self.team_a), self.sop_stages)
        self.assertEqual(len(self.sop_stages), 8)

    def test_plain_team_pipeline_keeps_odoo_stages(self):
        columns = self._columns(self.plain_rep, self.plain_team)
        self.assertIn(self.odoo_new, columns)
        self.assertFalse(columns.filtered("sop_pipeline"))
        self.assertEqual(
            columns, self.env["crm.stage"].search([("sop_pipeline", "=", False), ("team_id", "=", False)])
        )

    def test_column_added_to_sop_pipeline_is_sop_stage(self):
        Stage = self.env["crm.stage"].with_context(default_team_id=self.team_a.id)
        self.assertTrue(Stage.create({"name": "Extra SOP column"}).sop_pipeline)
        plain = self.env["crm.stage"].with_context(default_team_id=self.plain_team.id)
        self.assertFalse(plain.create({"name": "Extra plain column"}).sop_pipeline)

    @freeze_time("2026-03-15 10:00:00")
    def test_new_opportunity_starts_in_first_sop_stage(self):
        opportunity = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create({"name": "No stage given", "type": "opportunity", "user_id": self.rep_a.id})
        )
        self.assertEqual(opportunity.team_id, self.team_a)
        self.assertEqual(opportunity.stage_id, self.inquiry)
        self.assertEqual(opportunity.date_deadline, date(2026, 4, 15))

    @freeze_time("2026-03-15 10:00:00")
    def test_closing_date_follows_the_setting(self):
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.expected_close_months", "2")
        self.assertEqual(self._opportunity().date_deadline, date(2026, 5, 15))

    @freeze_time("2026-03-15 10:00:00")
    def test_import_starts_in_first_sop_stage(self):
        result = (
            self.env["crm.lead"].with_user(self.rep_a).load(["name", "type"], [["Imported", "opportunity"]])
        )
        self.assertFalse(result["messages"])
        imported = self.env["crm.lead"].browse(result["ids"])
        self.assertEqual(imported.team_id, self.team_a)
        self.assertEqual((imported.stage_id, imported.date_deadline), (self.inquiry, date(2026, 4, 15)))

    def test_plain_team_opportunity_keeps_odoo_stage(self):
        opportunity = (
            self.env["crm.lead"]
            .with_user(self.plain_rep)
            .create({"name": "Plain", "type": "opportunity", "user_id": self.plain_rep.id})
        )
        self.assertEqual(opportunity.team_id, self.plain_team)
        self.assertEqual(opportunity.stage_id, self.odoo_new)
        self.assertFalse(opportunity.date_deadline)

    def test_sop_opportunity_cannot_take_odoo_stage(self):
        opportunity = self._opportunity()
        with self.assertRaisesRegex(ValidationError, "must be an SOP stage"):
            with self.env.cr.savepoint():
                opportunity.with_user(self.rep_a).write({"stage_id": self.odoo_new.id})
        self.assertEqual(opportunity.stage_id, self.inquiry)
        with self.assertRaisesRegex(ValidationError, "must be an SOP stage"):
            self._opportunity(stage_id=self.odoo_new.id)

    @freeze_time("2026-03-15 10:00:00")
    def test_opportunity_given_to_sop_team_enters_its_pipeline(self):
        opportunity = (
            self.env["crm.lead"]
            .with_user(self.plain_rep)
            .create({"name": "Moving team", "type": "opportunity", "user_id": self.plain_rep.id})
        )
        self.assertEqual(opportunity.stage_id, self.odoo_new)
        opportunity.with_user(self.admin).write({"team_id": self.team_a.id, "user_id": self.rep_a.id})
        self.assertEqual((opportunity.stage_id, opportunity.date_deadline), (self.inquiry, date(2026, 4, 15)))

    @freeze_time("2026-03-15 10:00:00")
    def test_lead_converted_by_odoo_api_enters_first_sop_stage(self):
        # an inquiry arrives without a team (Odoo's stage), then the rep's team gets it
        lead = self.env["crm.lead"].create({"name": "Inquiry", "type": "lead", "user_id": False})
        self.assertFalse(lead.stage_id.sop_pipeline)
        lead.write({"team_id": self.team_a.id, "user_id": self.rep_a.id})
        lead.with_user(self.rep_a).convert_opportunity(self.customer)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual((lead.stage_id, lead.date_deadline), (self.inquiry, date(2026, 4, 15)))

    # ------------------------------------------------------------
    # won and lost by any path
    # ------------------------------------------------------------

    @freeze_time("2026-05-20 10:00:00")
    def test_drag_to_won_starts_the_order_record(self):
        opportunity = self._opportunity(expected_revenue=5000)
        opportunity.with_user(self.rep_a).write({"stage_id": self.won.id})
        self.assertEqual(opportunity.probability, 100)
        self.assertEqual(
            (opportunity.sop_order_amount, opportunity.sop_order_date), (5000, date(2026, 5, 20))
        )

    def test_drag_to_won_without_amount_is_refused(self):
        opportunity = self._opportunity()
        with self.assertRaisesRegex(ValidationError, "expected amount is required"):
            with self.env.cr.savepoint():
                opportunity.with_user(self.rep_a).write({"stage_id": self.won.id})
        self.assertEqual(opportunity.stage_id, self.inquiry)
        self.assertFalse(opportunity.sop_order_date)

    def test_archive_needs_lost_reason(self):
        opportunity = self._opportunity()
        for archive in (opportunity.action_archive, opportunity.toggle_active, opportunity.action_set_lost):
            with self.assertRaisesRegex(UserError, "requires a lost reason"):
                with self.env.cr.savepoint():
                    archive.__func__(opportunity.with_user(self.rep_a))
            self.assertTrue(opportunity.active)
        reason = self.env.ref("sales_lead_sop.lost_reason_no_reply")
        opportunity.with_user(self.rep_a).action_set_lost(lost_reason_id=reason.id)
        self.assertFalse(opportunity.active)
        self.assertEqual(opportunity.lost_reason_id, reason)
        opportunity.with_user(self.rep_a).action_unarchive()
        opportunity.with_user(self.rep_a).write({"lost_reason_id": reason.id})
        opportunity.with_user(self.rep_a).action_archive()
        self.assertFalse(opportunity.active, "an opportunity that has its reason may be archived")

    def _plain_opportunities(self):
        Lead = self.env["crm.lead"].with_user(self.plain_rep)
        open_one = Lead.create({"name": "Open plain", "type": "opportunity", "user_id": self.plain_rep.id})
        won_one = Lead.create({"name": "Won plain", "type": "opportunity", "user_id": self.plain_rep.id})
        won_one.action_set_won()
        lost_one = Lead.create({"name": "Lost plain", "type": "opportunity", "user_id": self.plain_rep.id})
        lost_one.action_set_lost()
        self.assertEqual(open_one.stage_id, self.odoo_new)
        self.assertFalse(won_one.stage_id.sop_pipeline)
        return open_one, won_one, lost_one

    def test_team_turning_sop_on_moves_its_opportunities_to_sop_stages(self):
        open_one, won_one, lost_one = self._plain_opportunities()
        self.plain_team.with_user(self.admin).write({"sop_use_pipeline": True})
        self.assertEqual(open_one.stage_id, self.inquiry)
        self.assertEqual(won_one.stage_id, self.won)
        self.assertEqual(lost_one.stage_id, self.inquiry)
        self.assertFalse(lost_one.active)
        self.assertIn("3 opportunities moved", self.plain_team.message_ids[0].body)
        # every column of the team's kanban holds them now, and a later edit passes the stage rule
        self.assertLessEqual((open_one | won_one).stage_id, self._columns(self.admin, self.plain_team))
        open_one.with_user(self.plain_rep).write({"name": "Open plain, edited"})

    def test_upgrade_moves_sop_team_opportunities_left_in_odoo_stages(self):
        open_one, won_one, _lost = self._plain_opportunities()
        self.plain_team.sop_use_pipeline = True
        # as before 18.0.1.2.0: an SOP team's opportunities still in Odoo's stages
        self.env.cr.execute(
            "UPDATE crm_lead SET stage_id = %s WHERE id = %s", [self.odoo_new.id, open_one.id]
        )
        self.env.invalidate_all()
        path = file_path("sales_lead_sop/migrations/18.0.1.2.0/post-migrate.py")
        spec = importlib.util.spec_from_file_location("sop_post_migrate_18_0_1_2_0", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual((open_one.stage_id, won_one.stage_id), (self.inquiry, self.won))
