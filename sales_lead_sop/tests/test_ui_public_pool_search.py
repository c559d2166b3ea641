from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class PublicPoolSearchTour:
    """A rep picks from the public pool (如何捡公海 [004]) by former owner, then groups it by how
    the customers came there (released, recycled)."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        cls.env["sop.public.pool"].search([]).active = False  # the public pool is everyone's
        cls.rep = new_test_user(
            cls.env, f"sop_tour_picker_{cls.lang}", groups="sales_lead_sop.group_sop_rep", lang=cls.lang
        )
        cls.former_a = new_test_user(
            cls.env, "sop_tour_former_a", groups="sales_lead_sop.group_sop_rep", name="Tour Leaver Alpha"
        )
        cls.former_b = new_test_user(
            cls.env, "sop_tour_former_b", groups="sales_lead_sop.group_sop_rep", name="Tour Leaver Beta"
        )
        cls.released, cls.recycled = (
            cls.env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "sop_managed": True,
                    "user_id": owner.id,
                    "sop_short_name": name[:10],
                    "sop_source_id": cls.env.ref("sales_lead_sop.utm_source_alibaba").id,
                    "sop_customer_type": "trader",
                    "sop_group_id": cls.env.ref("sales_lead_sop.customer_group_potential").id,
                    "sop_product_ids": [(0, 0, {"name": f"{name} Product"})],
                    "country_id": cls.env.ref("base.cn").id,
                }
            )
            for name, owner in (("Tour Released Co", cls.former_a), ("Tour Recycled Co", cls.former_b))
        )
        cls.released.with_user(cls.former_a).sop_release("Buys from a distributor now")
        # what the recycling job records, without waiting 30 days
        cls.recycled._sop_move(cls.env["res.users"], "recycle", reason="No contact for 30 days")

    def test_rep_searches_the_public_pool(self):
        self.assertEqual(
            (self.released.sop_public_action, self.released.sop_public_from_user_id),
            ("release", self.former_a),
        )
        self.start_tour(
            "/odoo/action-sales_lead_sop.res_partner_action_sop_public",
            "sales_lead_sop_public_pool_search",
            login=self.rep.login,
        )


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPublicPoolSearchPhone(PublicPoolSearchTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPublicPoolSearchDesktop(PublicPoolSearchTour, SopHttpCase):
    browser_size = "1440x900"
