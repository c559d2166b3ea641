from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class ManagerTours:
    """A team manager's day in the browser: review and grade new customers, assign a
    public-pool customer, hand over a leaving rep's customers, read the KPI scorecard.
    Each subclass runs them at one screen size in one language (`manager_lang`)."""

    manager_lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        rep_group = "sales_lead_sop.group_sop_rep"
        cls.manager = new_test_user(
            cls.env,
            "sop_tour_manager",
            groups="sales_lead_sop.group_sop_manager",
            name="Tour Manager",
            lang=cls.manager_lang,
        )
        cls.rep = new_test_user(cls.env, "sop_tour_rep", groups=rep_group, name="Tour Rep Ann")
        cls.receiver = new_test_user(cls.env, "sop_tour_receiver", groups=rep_group, name="Tour Rep Bo")
        cls.leaver = new_test_user(cls.env, "sop_tour_leaver", groups=rep_group, name="Tour Rep Leaving")
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Tour Export Team",
                "user_id": cls.manager.id,
                "sop_use_pipeline": True,
                "member_ids": [(6, 0, (cls.rep | cls.receiver | cls.leaver).ids)],
            }
        )
        cls.source = cls.env.ref("sales_lead_sop.utm_source_alibaba")
        cls.product = cls.env["product.template"].create({"name": "Tour Manager LED"})
        Partner = cls.env["res.partner"]
        cls.to_approve = Partner.create(cls._customer("Tour Approve Trading", cls.rep))
        cls.to_reject = Partner.create(cls._customer("Tour Reject Trading", cls.rep))
        # potential 5 suggests grade A (SOP.md §7)
        cls.to_grade = Partner.create(cls._customer("Tour Grade Trading", cls.rep, sop_potential="5"))
        cls.public = Partner.create(cls._customer("Tour Public Pool Trading", None))
        cls.leaver_customers = Partner.create(
            [cls._customer(f"Tour Leaver Trading {n}", cls.leaver) for n in (1, 2)]
        )
        # this month: one lead for Ann, below the target of 6 leads
        cls.env["crm.lead"].create(
            {"name": "Tour Scorecard Lead", "type": "lead", "user_id": cls.rep.id, "team_id": cls.team.id}
        )

    @classmethod
    def _customer(cls, name, user, **vals):
        return {
            "name": name,
            "is_company": True,
            "sop_managed": True,
            "user_id": user.id if user else False,
            "sop_short_name": name[5:15],
            "sop_source_id": cls.source.id,
            "sop_customer_type": "trader",
            "sop_group_id": cls.env.ref("sales_lead_sop.customer_group_potential").id,
            "country_id": cls.env.ref("base.cn").id,
            "sop_product_ids": [(6, 0, cls.product.ids)],
            **vals,
        }

    def test_manager_reviews_and_grades_customers(self):
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_to_review",
            "sales_lead_sop_manager_review",
            login=self.manager.login,
        )
        self.assertEqual(self.to_approve.sop_review_state, "approved")
        self.assertEqual(self.to_approve.sop_reviewer_id, self.manager)
        self.assertEqual(self.to_reject.sop_review_state, "rejected")
        self.assertEqual(self.to_reject.sop_review_reason, "Tour: no business licence")
        self.assertTrue(
            self.to_reject.message_ids.filtered(lambda m: "Tour: no business licence" in (m.body or "")),
            "the owner is told why",
        )
        self.assertEqual(self.to_grade.sop_grade, "A")
        self.assertEqual(self.to_grade.sop_review_state, "submitted", "grading is not a review")

    def test_manager_assigns_public_customer(self):
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_public",
            "sales_lead_sop_manager_pool_assign",
            login=self.manager.login,
        )
        self.assertEqual(self.public.user_id, self.rep)
        history = self.env["sop.pool.history"].search(
            [("partner_id", "=", self.public.id), ("action", "=", "assign")]
        )
        self.assertEqual(len(history), 1)
        self.assertEqual(
            (history.action, history.from_user_id, history.to_user_id, history.user_id),
            ("assign", self.env["res.users"], self.rep, self.manager),
        )

    def test_manager_hands_over_leaving_rep(self):
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_handover_action",
            "sales_lead_sop_manager_handover",
            login=self.manager.login,
        )
        handover = self.env["sop.handover"].search([("from_user_id", "=", self.leaver.id)])
        self.assertEqual(handover.state, "done")
        self.assertEqual(self.leaver_customers.user_id, self.receiver)
        history = self.env["sop.pool.history"].search(
            [("partner_id", "in", self.leaver_customers.ids), ("action", "=", "handover")]
        )
        self.assertEqual(history.partner_id, self.leaver_customers)
        self.assertEqual(set(history.mapped("from_user_id")), {self.leaver})
        self.assertEqual(set(history.mapped("to_user_id")), {self.receiver})

    def test_manager_reads_scorecard(self):
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_kpi_scorecard_action",
            "sales_lead_sop_manager_scorecard",
            login=self.manager.login,
        )
        # the rep's only events (a lead, three customers) happened this month: one row
        row = self.env["sop.kpi.scorecard"].search([("user_id", "=", self.rep.id)])
        self.assertEqual((row.lead_count, row.channel_lead_count_missed, row.customer_count), (1, True, 3))
        self.assertFalse(row.alibaba_on_time_rate_missed, "no Alibaba inquiry was due")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiManagerPhone(ManagerTours, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    manager_lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiManagerDesktop(ManagerTours, SopHttpCase):
    browser_size = "1440x900"
