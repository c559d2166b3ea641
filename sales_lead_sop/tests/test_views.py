from collections import Counter
from pathlib import Path

from lxml import etree

from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import SopCommon

ADDON = Path(file_path("sales_lead_sop"))
ID_TAGS = ("record", "template", "menuitem", "report", "act_window")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestViews(SopCommon):
    """The screens carry what the server asks for: no view is silently replaced by another with
    the same xml id, and every role's customer form shows the fields the SOP requires."""

    def test_no_xml_id_defined_twice(self):
        manifest = self.env["ir.module.module"].get_module_info("sales_lead_sop")
        files = [f for f in manifest["data"] + manifest["demo"] if f.endswith(".xml")]
        places = Counter()
        for name in files:
            tree = etree.parse(str(ADDON / name))
            for node in tree.iter(*ID_TAGS):
                if node.get("id"):
                    places[node.get("id")] += 1
        self.assertTrue(places)
        self.assertFalse([xml_id for xml_id, count in places.items() if count > 1])

    def _form(self, user):
        views = self.env["res.partner"].with_user(user).get_views([(False, "form")])
        return etree.fromstring(views["views"]["form"]["arch"])

    def test_customer_form_shows_required_profile_for_every_role(self):
        for user in (self.rep_a, self.manager_a, self.support, self.admin):
            with self.subTest(user=user.login):
                arch = self._form(user)
                shown = {node.get("name") for node in arch.iter("field") if node.get("invisible") != "1"}
                self.assertFalse(set(self.env["sop.profile.field"]._required_field_names()) - shown)
                for name in ("sop_stars", "sop_grade", "sop_code", "sop_employee_range"):
                    self.assertIn(name, shown)
                self.assertEqual(len(arch.findall(".//header")), 1, "one header, not two stacked")

    def test_customer_form_buttons_by_role(self):
        def buttons(user):
            return {node.get("name") for node in self._form(user).iter("button")}

        rep, manager = buttons(self.rep_a), buttons(self.manager_a)
        self.assertIn("action_sop_review_approve", manager)
        self.assertIn("action_sop_assign", manager)
        self.assertNotIn("action_sop_request_claim", manager, "a manager assigns, he does not request")
        self.assertNotIn("action_sop_review_approve", rep)
        self.assertTrue({"action_sop_claim", "action_sop_release", "action_sop_request_claim"} <= rep)

    def test_rep_daily_buttons_stay_in_the_header_on_a_phone(self):
        # Odoo moves header buttons into the gear menu on a phone, except these (form compiler patch).
        header = self._form(self.rep_a).find(".//header[@name='sop_header']")
        pinned = {
            node.get("name")
            for node in header.iter("button")
            if "o_sop_phone_visible" in node.get("class", "")
        }
        self.assertEqual(pinned, {"action_sop_claim", "action_sop_log_followup", "action_sop_release"})
        claim = header.find("button[@name='action_sop_claim']")
        self.assertTrue(claim.get("confirm"), "a claim asks first")

    def test_settings_show_every_sop_block(self):
        views = (
            self.env["res.config.settings"]
            .with_user(self.env.ref("base.user_admin"))
            .get_views([(False, "form")])
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        blocks = {node.get("name") for node in arch.iter("block")}
        self.assertTrue(
            {
                "sop_pool_settings",
                "sop_grade_block",
                "sop_duplicate_settings",
                "sop_handover_settings",
                "sop_lead_settings",
            }
            <= blocks
        )
