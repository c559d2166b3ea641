from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class LeadsWorkspaceTours:
    """The leads workspace in the browser, as the role concerned: a rep processes and converts
    a lead from My Leads; a manager assigns an inquiry waiting in a lead pool. The phone runs
    in Chinese, the desktop in English (LANG of the subclasses)."""

    LANG = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.env["sop.lead.pool"].search([]).active = False
        cls.alibaba = cls.env.ref("sales_lead_sop.utm_source_alibaba")
        cls.product = cls.env["product.template"].create({"name": "Tour Convert Panel"})
        cls.manager = new_test_user(
            cls.env,
            "sop_tour_ws_manager",
            groups="sales_lead_sop.group_sop_manager",
            lang=cls.LANG,
            name="Tour Manager",
        )
        cls.rep = new_test_user(
            cls.env,
            "sop_tour_ws_rep",
            groups="sales_lead_sop.group_sop_rep",
            lang=cls.LANG,
            name="Tour Lead Rep",
        )
        cls.assigned = new_test_user(
            cls.env, "sop_tour_ws_assigned", groups="sales_lead_sop.group_sop_rep", name="Tour Assigned Rep"
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Tour Leads Team",
                "user_id": cls.manager.id,
                "sop_use_pipeline": True,
                "member_ids": [(6, 0, (cls.rep | cls.assigned).ids)],
            }
        )

    def test_rep_processes_and_converts_a_lead(self):
        Lead = self.env["crm.lead"].with_context(default_type="lead")
        lead = Lead.create(
            {
                "name": "Tour Alibaba Inquiry",
                "user_id": self.rep.id,
                "partner_name": "Tour Lighting GmbH",
                "contact_name": "Greta Tour",
                "email_from": "greta@tour-lighting.example.com",
                "country_id": self.env.ref("base.de").id,
                "source_id": self.alibaba.id,
            }
        )
        late = Lead.create({"name": "Tour Late Inquiry", "user_id": self.rep.id})
        late.sop_deadline = fields.Datetime.now() - timedelta(days=2)
        self.assertEqual(lead.sop_processing_state, "pending")
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_customers",
            "sales_lead_sop_rep_leads",
            login=self.rep.login,
        )
        followup = self.env["sop.followup"].search([("lead_id", "=", lead.id)])
        self.assertEqual(followup.content, "Called the buyer, sent the catalogue")
        self.assertEqual(followup.user_id, self.rep)
        self.assertTrue(lead.sop_last_contact_date, "the follow-up is a contact")
        self.assertEqual(lead.sop_lead_type, "target")
        self.assertEqual(lead.sop_processing_state, "on_time", "processed within the Alibaba deadline")
        customer = lead.partner_id
        self.assertTrue(customer.sop_managed and customer.sop_code)
        self.assertEqual(customer.name, "Tour Lighting GmbH")
        self.assertEqual(customer.user_id, self.rep)
        self.assertEqual(customer.sop_product_ids, self.product)
        self.assertEqual(followup.partner_id, customer, "the follow-up moves with the lead")
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.stage_id, self.env.ref("sales_lead_sop.stage_inquiry"))
        self.assertEqual(lead.date_deadline, fields.Date.context_today(lead) + relativedelta(months=1))

    def test_manager_assigns_a_pool_inquiry(self):
        self.env["sop.lead.pool"].create(
            {
                "name": "Tour Inbound Pool",
                "domain": str([("source_id", "=", self.alibaba.id)]),
                "team_id": self.team.id,
                "reps_may_claim": True,
            }
        )
        lead = (
            self.env["crm.lead"]
            .with_context(default_user_id=False)
            .create({"name": "Tour Pool Inquiry", "type": "lead", "source_id": self.alibaba.id})
        )
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.team_id, self.team, "routed on arrival into the pool's team")
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_customers",
            "sales_lead_sop_manager_assign",
            login=self.manager.login,
        )
        self.assertEqual(lead.user_id, self.assigned)
        history = self.env["sop.pool.history"].search([("lead_id", "=", lead.id)])
        self.assertEqual(history.action, "assign")
        self.assertEqual(history.to_user_id, self.assigned)
        self.assertFalse(history.from_user_id)
        self.assertEqual(history.create_uid, self.manager)
        self.assertEqual(history.reason, "Speaks German")
        told = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("partner_ids", "in", self.assigned.partner_id.ids),
            ]
        )
        self.assertTrue(told, "the rep is told of the lead given to them")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiLeadsWorkspacePhone(LeadsWorkspaceTours, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    LANG = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiLeadsWorkspaceDesktop(LeadsWorkspaceTours, SopHttpCase):
    browser_size = "1440x900"
