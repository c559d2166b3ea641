from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestSecurityGroups(TransactionCase):
    """The SOP roles sit in Odoo's sales hierarchy as interface.md fixes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(cls.env, "sop_grp_rep", groups="sales_lead_sop.group_sop_rep")
        cls.manager = new_test_user(cls.env, "sop_grp_manager", groups="sales_lead_sop.group_sop_manager")
        cls.support = new_test_user(cls.env, "sop_grp_support", groups="sales_lead_sop.group_sop_support")
        cls.admin = new_test_user(cls.env, "sop_grp_admin", groups="sales_team.group_sale_manager")

    def test_rep_is_an_own_documents_salesman(self):
        self.assertTrue(self.rep.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.rep.has_group("sales_team.group_sale_salesman_all_leads"))
        self.assertFalse(self.rep.has_group("sales_lead_sop.group_sop_manager"))

    def test_manager_implies_rep_but_not_support(self):
        self.assertTrue(self.manager.has_group("sales_lead_sop.group_sop_rep"))
        self.assertFalse(self.manager.has_group("sales_lead_sop.group_sop_support"))

    def test_support_is_not_a_rep(self):
        self.assertTrue(self.support.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.support.has_group("sales_lead_sop.group_sop_rep"))

    def test_sales_admin_holds_every_sop_role(self):
        for group in ("group_sop_rep", "group_sop_manager", "group_sop_support"):
            self.assertTrue(self.admin.has_group(f"sales_lead_sop.{group}"), group)

    def test_customers_menu_visible_to_reps_not_to_plain_users(self):
        menu = self.env.ref("sales_lead_sop.sales_lead_sop_menu_customers")
        plain = new_test_user(self.env, "sop_grp_plain", groups="base.group_user")
        visible = self.env["ir.ui.menu"].with_user(self.rep)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(plain)._visible_menu_ids())
