from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import SopCommon

ALIAS_EMAIL = """Return-Path: <buyer@route.example.com>
From: Rita Router <buyer@route.example.com>
To: sop-alibaba@company.example.com
Subject: Routed inquiry about LED tubes
Message-ID: <routed-inquiry-1@route.example.com>
Date: Fri, 06 Mar 2026 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Please quote 300 LED tubes.
"""


class LeadWorkspaceCommon(SopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "UTC"
        cls.env["sop.lead.pool"].search([]).active = False
        # Alibaba inquiries: team A, round-robin to rep A and rep B
        cls.inbound = cls.env["sop.lead.pool"].create(
            {
                "name": "Inbound Alibaba",
                "sequence": 1,
                "domain": str([("source_id", "=", cls.source_alibaba.id)]),
                "team_id": cls.team_a.id,
                "member_ids": [(6, 0, (cls.rep_a | cls.rep_b).ids)],
                "reps_may_claim": False,
            }
        )
        # banks: team A's claim list, nobody assigned automatically
        cls.banks = cls.env["sop.lead.pool"].create(
            {
                "name": "Banks",
                "sequence": 2,
                "domain": "[('partner_name', 'ilike', 'bank')]",
                "team_id": cls.team_a.id,
                "reps_may_claim": True,
            }
        )
        # team B's own claim list
        cls.north = cls.env["sop.lead.pool"].create(
            {
                "name": "North",
                "sequence": 3,
                "domain": "[('city', '=', 'Harbin')]",
                "team_id": cls.team_b.id,
                "reps_may_claim": True,
            }
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestRoutingOnArrival(LeadWorkspaceCommon):
    """Inquiries are routed by the lead pools as they arrive, whatever the path."""

    @freeze_time("2026-03-06 10:00:00")  # a Friday
    def test_mail_alias_inquiry_gets_team_owner_and_deadline_from_arrival(self):
        self.env["mail.thread"].sudo().message_process(None, ALIAS_EMAIL)
        lead = self.env["crm.lead"].search([("name", "=", "Routed inquiry about LED tubes")])
        self.assertEqual(lead.sop_pool_id, self.inbound)
        self.assertEqual(lead.team_id, self.team_a)
        self.assertIn(lead.user_id, self.rep_a | self.rep_b)
        self.assertEqual(lead.sop_assign_date, datetime(2026, 3, 6, 10, 0))
        # first contact within 1 working day of arrival: Monday, before the Alibaba processing (Tuesday)
        self.assertEqual(lead.sop_deadline.date(), date(2026, 3, 9))
        self.assertEqual(lead.sop_processing_deadline.date(), date(2026, 3, 10))
        self.assertFalse(lead.sop_last_contact_date, "the inquiry itself is the arrival, not a contact")
        history = self.env["sop.pool.history"].search([("lead_id", "=", lead.id)])
        self.assertEqual((history.action, history.to_user_id), ("assign", lead.user_id))
        told = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("partner_ids", "in", lead.user_id.partner_id.ids),
            ]
        )
        self.assertTrue(told, "the owner is told of the inquiry routed to them")
        # the owner works it from My Leads
        mine = self.env["crm.lead"].with_user(lead.user_id).search([("user_id", "=", lead.user_id.id)])
        self.assertIn(lead, mine)

    def test_round_robin_alternates_between_arrivals(self):
        leads = (
            self.env["crm.lead"]
            .with_context(default_user_id=False)
            .create([{"name": f"Alibaba {i}", "source_id": self.source_alibaba.id} for i in range(3)])
        )
        self.assertEqual(leads.mapped("user_id"), self.rep_a | self.rep_b)
        self.assertEqual(leads[0].user_id, leads[2].user_id)
        self.assertEqual(set(leads.mapped("team_id")), {self.team_a})

    def test_pool_without_assignee_keeps_the_lead_in_its_claim_list(self):
        manager_env = self.env(user=self.manager_a)
        lead = manager_env["crm.lead"].create(
            {"name": "Branch lights", "partner_name": "Harbour Bank", "user_id": False}
        )
        self.assertEqual(lead.sop_pool_id, self.banks)
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.team_id, self.team_a, "the pool's team: its manager sees and assigns it")
        self.assertFalse(self.env["sop.pool.history"].search([("lead_id", "=", lead.id)]))
        self.assertIn(lead, manager_env["crm.lead"].search([("sop_in_my_team", "=", True)]))
        lead.with_user(self.rep_b).action_sop_claim()  # a rep of the pool's team
        self.assertEqual(lead.user_id, self.rep_b)

    def test_import_routes_rows_without_salesperson_else_importer_keeps_them(self):
        result = (
            self.env["crm.lead"]
            .with_user(self.manager_a)
            .with_context(import_file=True)
            .load(
                ["name", "partner_name", "source_id/id"],
                [
                    ["Imported Alibaba", "Tubes Co", "sales_lead_sop.utm_source_alibaba"],
                    ["Imported bank", "Imported Bank", ""],
                    ["Imported other", "Other Co", ""],
                ],
            )
        )
        self.assertFalse(result["messages"], result["messages"])
        alibaba, bank, other = self.env["crm.lead"].browse(result["ids"])
        self.assertEqual(alibaba.sop_pool_id, self.inbound)
        self.assertIn(alibaba.user_id, self.rep_a | self.rep_b)
        self.assertEqual((bank.sop_pool_id, bank.user_id), (self.banks, self.env["res.users"]))
        self.assertFalse(other.sop_pool_id)
        self.assertEqual(other.user_id, self.manager_a, "no pool takes it: the importer keeps it")

    def test_manual_entry_by_a_rep_stays_with_the_rep(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create({"name": "Met at the fair", "type": "lead", "source_id": self.source_alibaba.id})
        )
        self.assertEqual(lead.user_id, self.rep_a)
        self.assertFalse(lead.sop_pool_id, "a lead that arrives with an owner is not re-routed")
        self.assertEqual(lead.team_id, self.team_a)

    def test_unmatched_inquiry_is_left_as_it_came(self):
        lead = (
            self.env["crm.lead"]
            .with_context(default_user_id=False)
            .create({"name": "Shoes", "partner_name": "Shoe Co"})
        )
        self.assertFalse(lead.sop_pool_id or lead.user_id or lead.team_id)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadWorkspaceMenus(LeadWorkspaceCommon):
    """My Leads / Team Leads: menus per role, the actions' domains and the record rules agree."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"].with_context(default_type="lead")
        cls.lead_a = Lead.create({"name": "Lead of A", "user_id": cls.rep_a.id})
        cls.lead_b = Lead.create({"name": "Lead of B", "user_id": cls.rep_b.id})
        cls.lead_c = Lead.create({"name": "Lead of C", "user_id": cls.rep_c.id})
        cls.waiting_a = Lead.create({"name": "Waiting A", "partner_name": "Bank A", "user_id": False})
        cls.waiting_b = Lead.create({"name": "Waiting B", "city": "Harbin", "user_id": False})
        cls.opportunity_a = cls.env["crm.lead"].create(
            {"name": "Opportunity of A", "type": "opportunity", "user_id": cls.rep_a.id}
        )

    def _action_leads(self, xmlid, user):
        action = self.env.ref(xmlid)
        domain = safe_eval(action.domain, {"uid": user.id})
        return self.env["crm.lead"].with_user(user).search(domain)

    def test_rep_sees_only_own_leads_by_domain_and_rules(self):
        mine = self._action_leads("sales_lead_sop.crm_lead_action_sop_my_leads", self.rep_a)
        self.assertEqual(
            mine & (self.lead_a | self.lead_b | self.lead_c | self.waiting_a | self.opportunity_a),
            self.lead_a,
        )
        with mute_logger("odoo.addons.base.models.ir_rule"):
            with self.assertRaises(AccessError):
                self.lead_b.with_user(self.rep_a).read(["name"])
        visible = (
            self.env["crm.lead"].with_user(self.rep_a).search([("id", "in", (self.lead_b | self.lead_c).ids)])
        )
        self.assertFalse(visible, "another rep's leads are out of reach, whatever the domain")

    def test_manager_sees_team_and_waiting_pool_leads(self):
        team = self._action_leads("sales_lead_sop.crm_lead_action_sop_team_leads", self.manager_a)
        ours = self.lead_a | self.lead_b | self.waiting_a
        self.assertEqual(team & (ours | self.lead_c | self.waiting_b), ours)
        rep_view = self._action_leads("sales_lead_sop.crm_lead_action_sop_team_leads", self.rep_a)
        self.assertEqual(rep_view & (ours | self.lead_c), self.lead_a, "a rep leads no team")

    @freeze_time("2026-03-06 10:00:00")
    def test_filters_overdue_due_today_to_process(self):
        Lead = self.env["crm.lead"].with_user(self.rep_a)
        lead = Lead.create({"name": "Deadline today", "type": "lead", "user_id": self.rep_a.id})
        self.env["crm.lead"].browse(lead.id).sop_deadline = datetime(2026, 3, 6, 18, 0)
        late = Lead.create({"name": "Late", "type": "lead", "user_id": self.rep_a.id})
        self.env["crm.lead"].browse(late.id).sop_deadline = datetime(2026, 3, 5, 18, 0)
        self.assertEqual(Lead.search([("sop_due_today", "=", True), ("id", "in", (lead | late).ids)]), lead)
        self.assertEqual(Lead.search([("sop_is_overdue", "=", True), ("id", "in", (lead | late).ids)]), late)
        self.assertEqual((lead.sop_days_left, late.sop_days_left), (0, -1))
        search = self.env.ref("sales_lead_sop.crm_lead_view_search_sop_leads")
        for name in ("sop_overdue", "sop_due_today", "sop_to_process"):
            self.assertIn(f'name="{name}"', search.arch)
        late.with_user(self.rep_a).action_sop_mark_target()
        self.assertEqual(Lead.search([("sop_lead_type", "=", False), ("id", "in", (lead | late).ids)]), lead)

    def test_menus_per_role_and_odoo_menus_unchanged_outside_the_sop(self):
        my_menu = self.env.ref("sales_lead_sop.sales_lead_sop_menu_my_leads")
        team_menu = self.env.ref("sales_lead_sop.sales_lead_sop_menu_team_leads")
        odoo_leads = self.env.ref("crm.crm_menu_leads")
        rep_menus = self.env["ir.ui.menu"].with_user(self.rep_a).load_menus(False)
        self.assertIn(my_menu.id, rep_menus)
        self.assertNotIn(team_menu.id, rep_menus)
        self.assertIn(team_menu.id, self.env["ir.ui.menu"].with_user(self.manager_a).load_menus(False))
        self.assertFalse(self.rep_a.has_group("crm.group_use_lead"), "the workspace needs no 'use leads'")
        salesman = new_test_user(
            self.env, "sop_ws_plain", groups="sales_team.group_sale_salesman,crm.group_use_lead"
        )
        plain_menus = self.env["ir.ui.menu"].with_user(salesman).load_menus(False)
        self.assertIn(odoo_leads.id, plain_menus, "Odoo's Leads menu stays for users outside the SOP")
        self.assertNotIn(my_menu.id, plain_menus)
        self.rep_a.groups_id = [(4, self.env.ref("crm.group_use_lead").id)]
        self.assertNotIn(odoo_leads.id, self.env["ir.ui.menu"].with_user(self.rep_a).load_menus(False))
