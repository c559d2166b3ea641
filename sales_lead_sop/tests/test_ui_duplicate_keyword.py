from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class DuplicateKeywordTour:
    """A rep types only a trade-name keyword (字号) in the check before entry and sees the
    public customer (to claim) and another rep's customer by its owner only."""

    lang = "zh_CN"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)

    def _customer(self, name, owner=None):
        return (
            self.env["res.partner"]
            .with_context(sop_skip_duplicate_check=True)
            .create(
                {
                    "name": name,
                    "is_company": True,
                    "sop_managed": True,
                    "user_id": owner.id if owner else False,
                    "sop_group_id": self.env.ref("sales_lead_sop.customer_group_potential").id,
                    "sop_short_name": name[:10],
                    "sop_source_id": self.env.ref("sales_lead_sop.utm_source_alibaba").id,
                    "sop_customer_type": "trader",
                    "sop_product_ids": [(0, 0, {"name": "Tour Product"})],
                    "country_id": self.env.ref("base.cn").id,
                }
            )
        )

    def test_rep_searches_by_keyword(self):
        rep = new_test_user(
            self.env, f"sop_tour_kw_rep_{self.lang}", groups="sales_lead_sop.group_sop_rep", lang=self.lang
        )
        other = new_test_user(
            self.env,
            f"sop_tour_kw_owner_{self.lang}",
            groups="sales_lead_sop.group_sop_rep",
            name="Tour Keyword Owner",
        )
        self._customer("深圳鹭拓照明有限公司")
        self._customer("苏州鹭拓精密电子有限公司", owner=other)
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_duplicate_check_action",
            "sales_lead_sop_duplicate_keyword",
            login=rep.login,
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDuplicateKeywordPhone(DuplicateKeywordTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDuplicateKeywordDesktop(DuplicateKeywordTour, SopHttpCase):
    browser_size = "1440x900"
    lang = "en_US"
