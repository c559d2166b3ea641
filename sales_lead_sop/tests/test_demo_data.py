from collections import defaultdict

from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo database (the one the tests run in) shows the SOP as a company lives it:
    Chinese users, leads in every state, no 撞单 in its own customers, reps at home on their
    customers with one Customers menu."""

    def _demo(self, model):
        data = self.env["ir.model.data"].search([("module", "=", "sales_lead_sop"), ("model", "=", model)])
        return self.env[model].with_context(active_test=False).browse(data.mapped("res_id")).exists()

    def test_no_duplicate_between_owners_in_demo_customers(self):
        customers = self._demo("res.partner").filtered("sop_managed")
        self.assertGreater(len(customers), 40)
        free = self.env["sop.free.mail.domain"]._sop_free_domains()
        owners = defaultdict(set)
        names = defaultdict(set)
        for key in self.env["sop.partner.key"].search([("partner_id", "in", customers.ids)]):
            if key.kind == "email_domain" and key.value in free:
                continue
            owners[key.kind, key.value].add(key.partner_id.user_id.id)
            names[key.kind, key.value].add(key.partner_id.name)
        self.assertIn("name", {kind for kind, _value in owners})
        clashes = {key: names[key] for key, users in owners.items() if len(users) > 1}
        self.assertFalse(clashes, "demo customers of different owners share a duplicate key")

    def test_demo_customers_pass_the_duplicate_check_of_each_other(self):
        rep = self.env.ref("sales_lead_sop.user_rep_liu")
        customer = self.env.ref("sales_lead_sop.partner_sop_22")
        self.assertEqual(customer.user_id, rep)
        other = self.env.ref("sales_lead_sop.partner_sop_01")
        self.assertNotEqual(customer.sop_name_key, other.sop_name_key)

    def test_chinese_is_installed_for_the_chinese_users(self):
        self.assertIn("zh_CN", dict(self.env["res.lang"].get_installed()))
        for xmlid in ("user_rep_li", "user_manager_export"):
            user = self.env.ref(f"sales_lead_sop.{xmlid}")
            self.assertEqual((user.lang, user.tz), ("zh_CN", "Asia/Shanghai"), xmlid)
        self.assertEqual(self.env.ref("sales_lead_sop.user_rep_zhang").lang, "en_US")
        action = self.env.ref("sales_lead_sop.res_partner_action_sop_customers")
        self.assertEqual(action.with_context(lang="zh_CN").name, "客户", "the addon's terms")
        self.assertNotEqual(
            self.env.ref("crm.crm_lost_reason_action").with_context(lang="zh_CN").name,
            self.env.ref("crm.crm_lost_reason_action").with_context(lang="en_US").name,
            "Odoo's own modules are translated too",
        )

    def test_leads_in_every_state(self):
        leads = self._demo("crm.lead")
        pool_leads = leads.filtered(lambda lead: lead.active and lead.sop_pool_id and not lead.user_id)
        self.assertTrue(pool_leads, "new leads waiting in a lead pool")
        plain = leads.filtered(lambda lead: lead.type == "lead" and lead.active)
        self.assertTrue(
            plain.filtered(lambda lead: not lead.user_id and not lead.sop_lead_type), "unassigned"
        )
        self.assertTrue(plain.filtered(lambda lead: lead.user_id and lead.sop_lead_type == "to_verify"))
        self.assertTrue(plain.filtered(lambda lead: lead.user_id and lead.sop_lead_type == "target"))
        invalid = leads.filtered(lambda lead: lead.sop_lead_type == "invalid")
        self.assertTrue(
            invalid and not any(invalid.mapped("active")) and all(invalid.mapped("sop_invalid_reason_id"))
        )
        opportunities = leads.filtered(lambda lead: lead.type == "opportunity")
        self.assertTrue(
            opportunities.filtered(lambda lead: lead.sop_lead_type == "target" and lead.partner_id)
        )
        open_stages = opportunities.filtered(lambda lead: lead.active and not lead.stage_id.is_won).stage_id
        self.assertGreaterEqual(len(open_stages), 4)
        self.assertTrue(all(open_stages.mapped("sop_pipeline")))
        won = opportunities.filtered(lambda lead: lead.stage_id.is_won)
        self.assertTrue(won and all(won.mapped("sop_order_amount")) and all(won.mapped("sop_order_date")))
        lost = opportunities.filtered(lambda lead: not lead.active)
        self.assertTrue(lost and all(lost.mapped("lost_reason_id")))
        for lead in opportunities:
            self.assertEqual(lead.partner_id.user_id, lead.user_id, lead.name)

    def test_sop_users_open_on_their_work(self):
        action = self.env.ref("sales_lead_sop.res_partner_action_sop_customers").id
        for xmlid in ("user_rep_li", "user_rep_zhang", "user_rep_liu"):
            self.assertEqual(self.env.ref(f"sales_lead_sop.{xmlid}").action_id.id, action, xmlid)
        rep = new_test_user(self.env, "sop_home_rep", groups="base.group_user,sales_lead_sop.group_sop_rep")
        self.assertEqual(rep.action_id.id, action)
        manager = new_test_user(
            self.env, "sop_home_manager", groups="base.group_user,sales_lead_sop.group_sop_manager"
        )
        self.assertEqual(manager.action_id.id, action, "team managers too")
        self.assertEqual(self.env.ref("sales_lead_sop.user_manager_export").action_id.id, action)
        admin = new_test_user(
            self.env, "sop_home_admin", groups="base.group_user,sales_team.group_sale_manager"
        )
        self.assertFalse(admin.action_id, "sales administrators keep Odoo's home")
        claim_requests = self.env.ref("sales_lead_sop.sop_claim_request_action").id
        self.assertEqual(self.env.ref("sales_lead_sop.user_support").action_id.id, claim_requests)
        support = new_test_user(
            self.env, "sop_home_support", groups="base.group_user,sales_lead_sop.group_sop_support"
        )
        self.assertEqual(support.action_id.id, claim_requests, "support opens on the requests to decide")
        both = new_test_user(
            self.env,
            "sop_home_rep_support",
            groups="base.group_user,sales_lead_sop.group_sop_rep,sales_lead_sop.group_sop_support",
        )
        self.assertEqual(both.action_id.id, claim_requests, "support first")
        later = new_test_user(self.env, "sop_home_later", groups="base.group_user")
        self.assertFalse(later.action_id)
        later.groups_id = [(4, self.env.ref("sales_lead_sop.group_sop_rep").id)]
        self.assertEqual(later.action_id.id, action, "becoming a rep sets the home action")
        own = self.env.ref("crm.crm_lead_action_pipeline").id
        chosen = new_test_user(self.env, "sop_home_own", groups="base.group_user")
        chosen.action_id = own
        chosen.groups_id = [(4, self.env.ref("sales_lead_sop.group_sop_rep").id)]
        self.assertEqual(chosen.action_id.id, own, "a home action already chosen is kept")

    def test_one_customers_menu_for_sop_users(self):
        odoo_menu = self.env.ref("crm.res_partner_menu_customer")
        sop_menu = self.env.ref("sales_lead_sop.sales_lead_sop_menu_customers")
        salesman = new_test_user(self.env, "sop_menu_plain", groups="sales_team.group_sale_salesman")
        for xmlid in ("user_rep_li", "user_manager_export", "user_support"):
            menus = (
                self.env["ir.ui.menu"].with_user(self.env.ref(f"sales_lead_sop.{xmlid}")).load_menus(False)
            )
            self.assertIn(sop_menu.id, menus, xmlid)
            self.assertNotIn(odoo_menu.id, menus, xmlid)
        menus = self.env["ir.ui.menu"].with_user(salesman).load_menus(False)
        self.assertIn(odoo_menu.id, menus, "Odoo's menu stays for users outside the SOP")
        self.assertNotIn(sop_menu.id, menus)
