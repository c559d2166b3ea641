from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPublicPoolAssign(SopCommon):
    """Managers assign public-pool customers to a rep of their team from the public-pool
    screen (button and wizard); reps do not get the button nor the wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public = cls._create_customer("Pool Assign Co")
        cls.Public = cls.env["sop.public.customer"]

    def _wizard(self, user, target):
        action = self.Public.with_user(user).browse(self.public.ids).action_sop_assign()
        form = Form(self.env[action["res_model"]].with_user(user).with_context(action["context"]))
        form.user_id = target
        return form.save()

    def test_manager_assigns_to_team_rep(self):
        wizard = self._wizard(self.manager_a, self.rep_b)
        self.assertEqual(wizard.customer_ids.name, "Pool Assign Co", "the manager sees the claim fields")
        wizard.action_assign()
        self.assertEqual(self.public.user_id, self.rep_b)
        self.assertFalse(self.Public.with_user(self.rep_a).search([("id", "=", self.public.id)]))
        history = self.env["sop.pool.history"].search([("partner_id", "=", self.public.id)], limit=1)
        self.assertEqual((history.action, history.to_user_id), ("assign", self.rep_b))
        self.assertEqual(history.user_id, self.manager_a)
        self.assertTrue(self.public.with_user(self.rep_b).read(["email"]), "the rep now owns it")

    def test_manager_cannot_assign_outside_led_teams(self):
        wizard = self._wizard(self.manager_a, self.rep_c)
        with self.assertRaisesRegex(UserError, "Rep C is not in a team you lead"):
            wizard.action_assign()
        self.assertFalse(self.public.user_id)

    def test_capacity_respected_unless_overridden(self):
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.capacity", 0)
        wizard = self._wizard(self.manager_a, self.rep_a)
        with self.assertRaisesRegex(UserError, "would exceed the capacity"):
            wizard.action_assign()
        wizard.write({"override_capacity": True, "reason": "Key trade show contact"})
        wizard.action_assign()
        self.assertEqual(self.public.user_id, self.rep_a)

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_reps_have_no_button_nor_wizard(self):
        for view_type in ("list", "form"):
            arch = self.Public.with_user(self.rep_a).get_views([(False, view_type)])["views"][view_type][
                "arch"
            ]
            self.assertFalse(etree.fromstring(arch).xpath("//button[@name='action_sop_assign']"))
            arch = self.Public.with_user(self.manager_a).get_views([(False, view_type)])["views"][view_type][
                "arch"
            ]
            self.assertTrue(etree.fromstring(arch).xpath("//button[@name='action_sop_assign']"))
        with self.assertRaises(AccessError):
            self.env["sop.public.customer.assign"].with_user(self.rep_a).create(
                {"customer_ids": [(6, 0, self.public.ids)], "user_id": self.rep_a.id}
            )
        with self.assertRaisesRegex(UserError, "Only team managers can assign customers"):
            self.public.with_user(self.rep_a).sop_assign(self.rep_a)
        self.assertFalse(self.public.user_id)

    def test_customer_list_wizard_shares_the_assignment(self):
        # The public-pool wizard extends the customer-list one: both end in sop_assign.
        owned = self._create_customer("Team Owned Co", user_id=self.rep_a.id)
        wizard = (
            self.env["sop.partner.assign"]
            .with_user(self.manager_a)
            .create({"partner_ids": [(6, 0, owned.ids)], "user_id": self.rep_b.id})
        )
        wizard.action_assign()
        self.assertEqual(owned.user_id, self.rep_b)
        wizard = (
            self.env["sop.partner.assign"]
            .with_user(self.manager_a)
            .create({"partner_ids": [(6, 0, owned.ids)], "user_id": self.rep_c.id})
        )
        with self.assertRaisesRegex(UserError, "Rep C is not in a team you lead"):
            wizard.action_assign()
        self.assertEqual(owned.user_id, self.rep_b)
