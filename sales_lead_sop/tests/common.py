from freezegun import api as freezegun_api

import odoo
from odoo import fields
from odoo.tests.common import HttpCase, TransactionCase, new_test_user


class SopCommon(TransactionCase):
    """Shared fixture of the SOP tests: one user per role in two teams.

    ========  ==========================  =====================
    team      leader (group_sop_manager)  reps (group_sop_rep)
    ========  ==========================  =====================
    team_a    manager_a                   rep_a, rep_b
    team_b    manager_b                   rep_c
    ========  ==========================  =====================

    support holds group_sop_support, admin holds sales_team.group_sale_manager.
    Tests never depend on demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep_a = new_test_user(cls.env, "sop_rep_a", groups="sales_lead_sop.group_sop_rep", name="Rep A")
        cls.rep_b = new_test_user(cls.env, "sop_rep_b", groups="sales_lead_sop.group_sop_rep", name="Rep B")
        cls.rep_c = new_test_user(cls.env, "sop_rep_c", groups="sales_lead_sop.group_sop_rep", name="Rep C")
        cls.manager_a = new_test_user(
            cls.env, "sop_manager_a", groups="sales_lead_sop.group_sop_manager", name="Manager A"
        )
        cls.manager_b = new_test_user(
            cls.env, "sop_manager_b", groups="sales_lead_sop.group_sop_manager", name="Manager B"
        )
        cls.support = new_test_user(
            cls.env, "sop_support", groups="sales_lead_sop.group_sop_support", name="Support"
        )
        cls.admin = new_test_user(cls.env, "sop_admin", groups="sales_team.group_sale_manager", name="Admin")
        cls.team_a = cls.env["crm.team"].create(
            {
                "name": "SOP Team A",
                "user_id": cls.manager_a.id,
                "sop_use_pipeline": True,
                "member_ids": [(6, 0, (cls.rep_a | cls.rep_b).ids)],
            }
        )
        cls.team_b = cls.env["crm.team"].create(
            {
                "name": "SOP Team B",
                "user_id": cls.manager_b.id,
                "sop_use_pipeline": True,
                "member_ids": [(6, 0, cls.rep_c.ids)],
            }
        )
        cls.group_potential = cls.env.ref("sales_lead_sop.customer_group_potential")
        cls.group_intent = cls.env.ref("sales_lead_sop.customer_group_intent")
        cls.group_key_account = cls.env.ref("sales_lead_sop.customer_group_key_account")
        cls.source_alibaba = cls.env.ref("sales_lead_sop.utm_source_alibaba")
        cls.country_cn = cls.env.ref("base.cn")
        cls.product = cls.env["product.template"].create({"name": "SOP Test LED Panel"})

    def setUp(self):
        super().setUp()
        # Odoo stamps create_date and write_date with the transaction's PostgreSQL time
        # (cr.now()), which freezegun cannot move. Under freeze_time the ORM takes the frozen
        # clock instead, so every date a test relies on comes from the one clock it sets.
        real_now = self.env.cr.now
        self.patch(
            self.env.cr,
            "now",
            lambda: fields.Datetime.now() if freezegun_api.freeze_factories else real_now(),
        )

    @classmethod
    def _customer_vals(cls, name, **overrides):
        """Values of a complete SOP customer profile; `overrides` replace any of them."""
        vals = {
            "name": name,
            "is_company": True,
            "sop_managed": True,
            "sop_short_name": name[:10],
            "sop_source_id": cls.source_alibaba.id,
            "sop_customer_type": "trader",
            "sop_group_id": cls.group_potential.id,
            "country_id": cls.country_cn.id,
            "sop_product_ids": [(6, 0, cls.product.ids)],
        }
        vals.update(overrides)
        return vals

    @classmethod
    def _create_customer(cls, name, user=None, **overrides):
        """Create a complete SOP customer as `user` (default: superuser), owned by that user
        unless `user_id` is given in overrides."""
        env = cls.env(user=user) if user else cls.env
        if user and "user_id" not in overrides:
            overrides["user_id"] = user.id
        return env["res.partner"].create(cls._customer_vals(name, **overrides))


class SopHttpCase(HttpCase):
    """Browser tests of the SOP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Build Odoo's static-files map once, in this thread: otherwise the first page's parallel
        # asset requests parse every manifest at once in the server threads, which trips a
        # CPython 3.11 bug (SystemError: AST constructor recursion depth mismatch).
        cls._sop_statics = odoo.http.root.statics
