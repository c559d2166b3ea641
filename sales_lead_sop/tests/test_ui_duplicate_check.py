from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class DuplicateCheckTour:
    """A rep runs the check before entry (撞单查询) with a Shanghai number and a mobile written
    without +86, finds the public customer and another rep's, and claims the public one."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        # The company's country stays Odoo's (Odoo's own tests rely on it); the phone setting
        # says local numbers are Chinese.
        cls.country_cn = cls.env.ref("base.cn")
        cls.env["ir.config_parameter"].sudo().set_param(
            "sales_lead_sop.phone_country_id", str(cls.country_cn.id)
        )

    def _customer(self, name, owner=None, **vals):
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
                    "country_id": self.country_cn.id,
                    **vals,
                }
            )
        )

    def test_rep_checks_local_numbers_and_claims(self):
        rep = new_test_user(
            self.env, f"sop_tour_dup_rep_{self.lang}", groups="sales_lead_sop.group_sop_rep", lang=self.lang
        )
        other = new_test_user(
            self.env,
            f"sop_tour_dup_owner_{self.lang}",
            groups="sales_lead_sop.group_sop_rep",
            name="Tour Owner Rep",
        )
        public = self._customer("上海澄明光电科技有限公司", phone="+86 21 5555 0199")
        owned = self._customer("宁波澜川五金制品科技有限公司", owner=other, mobile="+86 138 0000 0000")
        self.assertEqual(self.env["sop.duplicate.check"].with_user(rep).new({}).country_id, self.country_cn)
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_duplicate_check_action",
            "sales_lead_sop_duplicate_check",
            login=rep.login,
        )
        self.assertEqual(public.user_id, rep)
        self.assertEqual(owned.user_id, other)
        self.assertEqual(self._history_count(public), 1)

    def _history_count(self, partner):
        return self.env["sop.pool.history"].search_count(
            [("partner_id", "=", partner.id), ("action", "=", "claim")]
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDuplicateCheckPhone(DuplicateCheckTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDuplicateCheckDesktop(DuplicateCheckTour, SopHttpCase):
    browser_size = "1440x900"
    lang = "zh_CN"
