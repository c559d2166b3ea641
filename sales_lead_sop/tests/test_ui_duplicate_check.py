from odoo.tests import HttpCase, new_test_user, tagged


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiDuplicateCheck(HttpCase):
    """A rep runs the check before entry (撞单查询) on a phone and claims the public match."""

    browser_size = "375x667"
    touch_enabled = True

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

    def test_rep_checks_before_entry_and_claims(self):
        rep = new_test_user(self.env, "sop_tour_dup_rep", groups="sales_lead_sop.group_sop_rep")
        other = new_test_user(
            self.env, "sop_tour_dup_owner", groups="sales_lead_sop.group_sop_rep", name="Tour Owner Rep"
        )
        public = self._customer("宁波澜川五金制品有限公司")
        # A similar name held by another rep: shown (owner only), does not stop the claim.
        owned = self._customer("宁波澜川五金制品科技有限公司", owner=other)
        self.start_tour(
            "/odoo/action-sales_lead_sop.sop_duplicate_check_action",
            "sales_lead_sop_duplicate_check_mobile",
            login=rep.login,
        )
        self.assertEqual(public.user_id, rep)
        self.assertEqual(owned.user_id, other)
        self.assertEqual(
            self.env["res.partner"].search_count([("name", "=", "澜川五金制品（宁波）有限公司")]), 0
        )
