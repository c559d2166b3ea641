from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class PoolTour:
    """A rep releases one of their customers with a reason and claims one from the public pool,
    confirming the claim; both moves are in the pool history."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.capacity", "50")
        cls.reason = cls.env["sop.release.reason"].create({"name": "Tour Reason Bought Elsewhere"})

    def _customer(self, name, owner=None, **vals):
        return self.env["res.partner"].create(
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
                **vals,
            }
        )

    def _history(self, partner, action):
        return self.env["sop.pool.history"].search([("partner_id", "=", partner.id), ("action", "=", action)])

    def test_rep_releases_then_claims(self):
        rep = new_test_user(
            self.env, f"sop_tour_pool_{self.lang}", groups="sales_lead_sop.group_sop_rep", lang=self.lang
        )
        mine = self._customer("Tour Mine Co", owner=rep)
        self._customer("Tour Keep Co", owner=rep)
        public = self._customer("Tour Public Co", phone="+86 21 5555 0199", email="buyer@tour.example")

        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_customers",
            "sales_lead_sop_rep_release",
            login=rep.login,
        )
        self.assertFalse(mine.user_id)
        released = self._history(mine, "release")
        self.assertEqual((released.from_user_id, released.to_user_id), (rep, self.env["res.users"]))
        self.assertEqual(released.reason, "Tour Reason Bought Elsewhere - Buys from a distributor now")

        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_public",
            "sales_lead_sop_rep_claim",
            login=rep.login,
        )
        self.assertEqual(public.user_id, rep)
        claimed = self._history(public, "claim")
        self.assertEqual((claimed.from_user_id, claimed.to_user_id), (self.env["res.users"], rep))


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPoolPhone(PoolTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPoolDesktop(PoolTour, SopHttpCase):
    browser_size = "1440x900"
