from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadPoolClaimers(SopCommon):
    """A lead pool's members, or else its team, decide who may take its leads [003], on every
    path: the claim button and a plain write of the salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["sop.lead.pool"].search([]).active = False
        cls.export_pool = cls.env["sop.lead.pool"].create(
            {"name": "Export", "domain": "[('partner_name', 'ilike', 'export')]", "team_id": cls.team_a.id}
        )
        cls.open_pool = cls.env["sop.lead.pool"].create(
            {"name": "Anyone", "sequence": 20, "domain": "[('partner_name', 'ilike', 'anyone')]"}
        )

    def _new_lead(self, partner_name):
        return (
            self.env["crm.lead"]
            .with_context(default_user_id=False)
            .create({"name": partner_name, "partner_name": partner_name})
        )

    def test_team_decides_when_the_pool_lists_no_members(self):
        lead = self._new_lead("Export Buyer 1")
        self.assertEqual((lead.sop_pool_id, lead.user_id), (self.export_pool, self.env["res.users"]))
        with self.assertRaisesRegex(UserError, "only its members \\(or its team\\).*Rep C"):
            lead.with_user(self.rep_c).action_sop_claim()
        self.assertFalse(lead.user_id)
        self.assertFalse(
            self.env["sop.pool.history"].search_count([("lead_id", "=", lead.id), ("action", "=", "claim")])
        )
        lead.with_user(self.rep_a).action_sop_claim()
        self.assertEqual(lead.user_id, self.rep_a)

    def test_plain_write_of_the_salesperson_is_checked_too(self):
        lead = self._new_lead("Export Buyer 2")
        with self.assertRaisesRegex(UserError, "Export"):
            lead.with_user(self.rep_c).write({"user_id": self.rep_c.id})
        self.assertFalse(lead.user_id)
        with self.assertRaisesRegex(UserError, "Export"):
            self.env["crm.lead"].with_user(self.rep_c).create(
                {"name": "Own entry", "sop_pool_id": self.export_pool.id, "user_id": self.rep_c.id}
            )
        lead.with_user(self.rep_b).write({"user_id": self.rep_b.id})
        self.assertEqual(lead.user_id, self.rep_b)

    def test_members_replace_the_team(self):
        self.export_pool.member_ids = self.rep_c
        lead = self._new_lead("Export Buyer 3")
        self.assertEqual(lead.user_id, self.rep_c, "round-robin to the only member")
        lead.user_id = False  # back to the claim list
        with self.assertRaisesRegex(UserError, "Rep A"):
            lead.with_user(self.rep_a).action_sop_claim()
        lead.with_user(self.rep_c).action_sop_claim()
        self.assertEqual(lead.user_id, self.rep_c)

    def test_manager_assigns_anyone_and_open_pool_lets_anyone_claim(self):
        lead = self._new_lead("Export Buyer 4")
        lead.with_user(self.manager_b)._sop_assign(self.rep_c, reason="helping out")
        self.assertEqual(lead.user_id, self.rep_c)
        anyone = self._new_lead("Anyone Ltd")
        self.assertEqual(anyone.sop_pool_id, self.open_pool)
        anyone.with_user(self.rep_c).action_sop_claim()
        self.assertEqual(anyone.user_id, self.rep_c)
