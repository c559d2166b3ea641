from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from ..models.sop_settings import SOP_SETTING_DEFAULTS


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestSettings(TransactionCase):
    """Every threshold is read through sop.settings: the saved value, else the spec default."""

    def setUp(self):
        super().setUp()
        self.Settings = self.env["sop.settings"]
        self.Param = self.env["ir.config_parameter"].sudo()

    def test_unset_setting_reads_the_spec_default(self):
        self.Param.search([("key", "=", "sales_lead_sop.capacity")]).unlink()
        self.assertEqual(self.Settings._get_int("capacity"), 300)
        self.assertEqual(self.env["res.partner"]._sop_param("capacity"), 300)

    def test_saved_setting_wins_over_the_default(self):
        self.env["res.config.settings"].create({"sop_capacity": 12, "sop_handover_block_days": 0}).execute()
        self.assertEqual(self.env["res.partner"]._sop_param("capacity"), 12)
        # 0 is a real value (no handover block), not "unset": it must survive the save.
        self.assertEqual(self.env["res.partner"]._sop_handover_block_days(), 0)
        self.assertEqual(self.env["res.config.settings"].create({}).sop_handover_block_days, 0)

    def test_garbage_value_falls_back_to_the_default(self):
        self.Param.set_param("sales_lead_sop.cadence_days_a", "two weeks")
        self.Param.set_param("sales_lead_sop.grade_a_amount", "lots")
        self.Param.set_param("sales_lead_sop.duplicate_policy_phone", "shout")
        self.assertEqual(self.env["sop.cadence.config"]._get("cadence_days_a"), 14)
        self.assertEqual(self.env["res.partner"]._sop_grade_thresholds()[0], 500000.0)
        self.assertEqual(self.env["res.partner"]._sop_duplicate_param("duplicate_policy_phone"), "block")

    def test_settings_form_offers_the_same_defaults(self):
        # One table: the Settings form and the readers cannot disagree on a default.
        fields_info = self.env["res.config.settings"]._fields
        checked = 0
        for field in fields_info.values():
            parameter = getattr(field, "config_parameter", None) or ""
            key = parameter.removeprefix("sales_lead_sop.")
            if parameter.startswith("sales_lead_sop.") and key in SOP_SETTING_DEFAULTS and not field.related:
                self.assertEqual(
                    field.default(self.env["res.config.settings"]), SOP_SETTING_DEFAULTS[key], key
                )
                checked += 1
        self.assertGreater(checked, 40)
