from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class AdminSettingsTour:
    """A sales administrator finds every SOP threshold in Settings, changes the private-pool
    capacity, and turns the SOP on for a sales team."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.sales_admin = new_test_user(
            cls.env,
            "sop_tour_sales_admin",
            groups="base.group_user,sales_team.group_sale_manager,base.group_system",
            lang=cls.lang,
        )
        cls.team = cls.env["crm.team"].create({"name": "Tour Admin Team"})

    def test_admin_changes_a_threshold_and_turns_sop_on(self):
        self.assertFalse(self.sales_admin.action_id, "a sales administrator keeps Odoo's home")
        self.assertEqual(self.env["sop.settings"]._get_int("capacity"), 300, "the spec default")
        self.assertFalse(self.team.sop_use_pipeline)
        self.start_tour("/odoo", "sales_lead_sop_admin_settings", login=self.sales_admin.login)
        self.assertEqual(self.env["sop.settings"]._get_int("capacity"), 250)
        self.assertEqual(self.env["sop.settings"]._get_int("cooldown_days"), 3, "other settings unchanged")
        self.assertTrue(self.team.sop_use_pipeline)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiAdminSettingsPhone(AdminSettingsTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiAdminSettingsDesktop(AdminSettingsTour, SopHttpCase):
    browser_size = "1440x900"
