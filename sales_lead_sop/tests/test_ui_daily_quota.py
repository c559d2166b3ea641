from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class DailyQuotaTours:
    """Daily work quotas on screen [004 规则]: the rep's own day and the manager's day view of
    the scorecard. Each subclass runs them at one screen size in one language."""

    tour_lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("sales_lead_sop.quota_daily_followups", 3)
        params.set_param("sales_lead_sop.quota_daily_customers", 1)
        rep_group = "sales_lead_sop.group_sop_rep"
        cls.manager = new_test_user(
            cls.env,
            "sop_quota_manager",
            groups="sales_lead_sop.group_sop_manager",
            name="Tour Quota Boss",
            lang=cls.tour_lang,
        )
        cls.ann = new_test_user(
            cls.env, "sop_quota_ann", groups=rep_group, name="Tour Quota Ann", lang=cls.tour_lang
        )
        cls.bo = new_test_user(cls.env, "sop_quota_bo", groups=rep_group, name="Tour Quota Bo")
        cls.bo.sop_quota_daily_followups = 5  # Bo's own quota
        cls.env["crm.team"].create(
            {
                "name": "Tour Quota Team",
                "user_id": cls.manager.id,
                "sop_use_pipeline": True,
                "member_ids": [(6, 0, (cls.ann | cls.bo).ids)],
            }
        )
        customer = (
            cls.env["res.partner"]
            .with_user(cls.ann)
            .create(
                {
                    "name": "Tour Quota Trading",
                    "is_company": True,
                    "sop_managed": True,
                    "user_id": cls.ann.id,
                    "sop_short_name": "Quota",
                    "sop_source_id": cls.env.ref("sales_lead_sop.utm_source_alibaba").id,
                    "sop_customer_type": "trader",
                    "sop_group_id": cls.env.ref("sales_lead_sop.customer_group_potential").id,
                    "country_id": cls.env.ref("base.cn").id,
                    "sop_product_ids": [
                        (6, 0, cls.env["product.template"].create({"name": "Quota LED"}).ids)
                    ],
                }
            )
        )
        for content in ("call", "email"):
            cls.env["sop.followup"].with_user(cls.ann).create({"partner_id": customer.id, "content": content})

    def test_rep_sees_own_day(self):
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_kpi_scorecard_day_action_my",
            "sales_lead_sop_rep_my_day",
            login=self.ann.login,
        )

    def test_manager_reads_day_view(self):
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_kpi_scorecard_day_action",
            "sales_lead_sop_manager_day_scorecard",
            login=self.manager.login,
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDailyQuotaPhone(DailyQuotaTours, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    tour_lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDailyQuotaDesktop(DailyQuotaTours, SopHttpCase):
    browser_size = "1440x900"
