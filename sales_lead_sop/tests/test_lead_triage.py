from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadTriage(SopCommon):
    """Lead type, intent and rating (SOP.md §2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reason = cls.env["sop.lead.invalid.reason"].create({"name": "Spam test"})

    def _lead(self, **vals):
        return (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create({"name": "Triage lead", "user_id": self.rep_a.id, **vals})
        )

    def test_invalid_lead_is_archived_with_reason(self):
        lead = self._lead()
        wizard = (
            self.env["sop.lead.invalid.wizard"]
            .with_user(self.rep_a)
            .create({"lead_ids": [(6, 0, lead.ids)], "reason_id": self.reason.id})
        )
        wizard.action_apply()
        self.assertFalse(lead.active)
        self.assertTrue(lead.exists(), "an invalid lead is archived, never deleted")
        self.assertEqual(lead.sop_lead_type, "invalid")
        self.assertEqual(lead.sop_invalid_reason_id, self.reason)
        self.assertFalse(lead.sop_deadline)

    def test_invalid_without_reason_is_refused_and_changes_nothing(self):
        lead = self._lead()
        with self.assertRaisesRegex(ValidationError, "invalid lead needs a reason"):
            with self.env.cr.savepoint():
                lead.with_user(self.rep_a).write({"sop_lead_type": "invalid"})
        self.assertTrue(lead.active)
        self.assertFalse(lead.sop_lead_type)

    @freeze_time("2026-03-02 09:00:00")
    def test_to_verify_gets_next_followup_date_and_bulk_flag(self):
        lead = self._lead()
        lead.with_user(self.rep_a).write({"sop_lead_type": "to_verify", "sop_bulk_mailing": True})
        self.assertTrue(lead.active)
        self.assertEqual(lead.sop_next_followup_date, date(2026, 3, 9))
        self.assertTrue(lead.sop_bulk_mailing)
        self.env["sop.followup"].with_user(self.rep_a).create({"lead_id": lead.id, "content": "no answer"})
        self.assertEqual(
            lead.sop_deadline.date(),
            date(2026, 3, 9),
            "the next follow-up date comes before the weekly cadence",
        )
        lead.with_user(self.rep_a).write({"sop_next_followup_date": date(2026, 3, 4)})
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 4))

    def test_rating_from_weighted_criteria(self):
        lead = self._lead(sop_need_fit="3", sop_budget="3", sop_decision_cycle="3")
        self.assertEqual(lead.sop_rating, "A")
        # need fit high (40) + budget medium (30 * 50 %) = 55 points: B
        lead.write({"sop_budget": "2", "sop_decision_cycle": "1"})
        self.assertEqual(lead.sop_rating, "B")
        lead.write({"sop_need_fit": "1", "sop_budget": "2"})  # 15 points
        self.assertEqual(lead.sop_rating, "C")

    def test_rating_weights_come_from_settings(self):
        # need fit high only: 40 points (B) with the default weights ...
        lead = self._lead(sop_need_fit="3", sop_budget="1", sop_decision_cycle="1")
        self.assertEqual(lead.sop_rating, "B")
        # ... 80 points (A) once the admin puts the weight on need fit
        settings = (
            self.env["res.config.settings"]
            .with_user(self.env.ref("base.user_admin"))
            .create(
                {"sop_rating_weight_need": 80, "sop_rating_weight_budget": 10, "sop_rating_weight_cycle": 10}
            )
        )
        settings.execute()
        lead.write({"sop_budget": "1"})
        lead._compute_sop_rating()
        self.assertEqual(lead.sop_rating, "A")
        other = self._lead(sop_need_fit="1", sop_budget="3", sop_decision_cycle="3")
        self.assertEqual(other.sop_rating, "C", "20 points with the new weights")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadImport(SopCommon):
    """Imported rows with bad values are refused with their row number and reason."""

    def test_import_template_is_offered(self):
        templates = self.env["crm.lead"].get_import_templates()
        self.assertIn(
            "/sales_lead_sop/static/xls/sop_lead_import_template.csv", [t["template"] for t in templates]
        )

    def test_bad_rows_refused_with_row_and_reason(self):
        fields_ = ["name", "sop_lead_type", "sop_intent"]
        rows = [
            ["Good row", "to_verify", "clear"],
            ["Bad type", "maybe", "clear"],
            ["Bad intent", "target", "hot"],
        ]
        result = self.env["crm.lead"].with_user(self.rep_a).load(fields_, rows)
        self.assertFalse(result["ids"], "nothing is imported when a row is bad")
        errors = {message["record"]: message["message"] for message in result["messages"]}
        self.assertEqual(set(errors), {1, 2})
        self.assertIn("maybe", errors[1])
        self.assertIn("hot", errors[2])
        self.assertFalse(
            self.env["crm.lead"].search_count([("name", "in", ["Good row", "Bad type", "Bad intent"])])
        )

    def test_invalid_without_reason_refused_on_import(self):
        result = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .load(["name", "sop_lead_type"], [["No reason", "invalid"]])
        )
        self.assertFalse(result["ids"])
        self.assertEqual(result["messages"][0]["record"], 0)
        self.assertIn("invalid lead needs a reason", result["messages"][0]["message"])
