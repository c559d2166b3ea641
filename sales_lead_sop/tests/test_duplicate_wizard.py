import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateWizard(SopCommon):
    """Check before entry (撞单查询), import reports and lead flags, as the reps concerned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-02 09:00:00"):
            cls.owned = cls._create_customer(
                "苏州朗拓精密电子有限公司", user=cls.rep_a, phone="0512-6666 8888", email="sales@langtuo.com"
            )
        cls.public = cls._create_customer("宁波澜川五金制品有限公司", phone="+86 574 8888 1234")

    def _check(self, user, **vals):
        vals.setdefault("country_id", self.country_cn.id)
        check = self.env["sop.duplicate.check"].with_user(user).create(vals)
        check.action_check()
        return check

    # ------------------------------------------------------------------
    # check before entry
    # ------------------------------------------------------------------

    def test_check_lists_matches_without_creating(self):
        before = self.env["res.partner"].search_count([])
        check = self._check(self.rep_b, name="朗拓精密电子（苏州）有限公司", phone="+86 574 8888 1234")
        self.assertEqual(self.env["res.partner"].search_count([]), before)
        lines = {(line.match, line.status): line for line in check.line_ids}
        owned = lines[("name", "owned")]
        self.assertEqual((owned.owner, str(owned.since)), ("Rep A", "2026-03-02"))
        self.assertFalse(owned.partner_id)
        self.assertFalse(owned.customer_name)
        self.assertIn(("phone", "public"), lines)
        # The matched customer behind the line stays hidden from the rep.
        with self.assertRaises(AccessError):
            owned.with_user(self.rep_b).read(["partner_ref_id"])
        self.assertNotIn("partner_ref_id", check.line_ids.with_user(self.rep_b).fields_get())

    def test_check_needs_input(self):
        check = self.env["sop.duplicate.check"].with_user(self.rep_b).create({})
        with self.assertRaises(UserError):
            check.action_check()
        self.assertFalse(check.checked)

    def test_nothing_found(self):
        check = self._check(self.rep_b, name="全新公司测试有限公司")
        self.assertTrue(check.checked)
        self.assertFalse(check.line_ids.filtered(lambda line: line.match == "name"))

    def test_claim_button(self):
        check = self._check(self.rep_b, phone="0574-8888 1234")
        line = check.line_ids.filtered(lambda line: line.status == "public")
        action = line.action_claim()
        self.assertEqual(self.public.user_id, self.rep_b)
        self.assertEqual(action["params"]["next"]["res_id"], self.public.id)
        self.assertIn("宁波澜川五金制品有限公司", action["params"]["message"])
        self.assertEqual(line.status, "mine")
        history = self.env["sop.pool.history"].search(
            [("partner_id", "=", self.public.id), ("action", "=", "claim")]
        )
        self.assertEqual(history.to_user_id, self.rep_b)

    def test_local_number_read_in_the_phone_country_setting(self):
        # A Chinese number typed the way it is dialled in China, with no country on the check.
        self.env["ir.config_parameter"].sudo().set_param(
            "sales_lead_sop.phone_country_id", str(self.country_cn.id)
        )
        check = self.env["sop.duplicate.check"].with_user(self.rep_b).create({"phone": "0574 8888 1234"})
        self.assertEqual(check.country_id, self.country_cn)
        check.action_check()
        self.assertEqual(check.line_ids.filtered(lambda line: line.match == "phone").status, "public")
        # Read as another country's number, the same digits are another phone.
        us = self.env.ref("base.us")
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.phone_country_id", str(us.id))
        other = self.env["sop.duplicate.check"].with_user(self.rep_b).create({"phone": "0574 8888 1234"})
        self.assertEqual(other.country_id, us)
        other.action_check()
        self.assertFalse(other.line_ids.filtered(lambda line: line.match == "phone"))

    def test_phone_country_defaults_to_the_company_country(self):
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.phone_country_id", "")
        self.assertEqual(self.env["res.partner"]._sop_phone_country(), self.env.company.country_id)

    def test_phone_country_change_rebuilds_the_keys(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("sales_lead_sop.partner_keys_from_id", "")
        settings = self.env["res.config.settings"].create({})
        settings.sop_phone_country_id = (
            self.env.ref("base.de") if settings.sop_phone_country_id else self.country_cn
        )
        settings.execute()
        self.assertEqual(Param.get_param("sales_lead_sop.partner_keys_from_id"), "0")

    def test_claim_button_refused_on_owned(self):
        check = self._check(self.rep_b, phone="0512 6666 8888")
        line = check.line_ids.filtered(lambda line: line.status == "owned")
        with self.assertRaises(UserError):
            line.action_claim()
        self.assertEqual(self.owned.user_id, self.rep_a)

    def test_apply_to_claim_button(self):
        check = self._check(self.rep_b, email="sales@langtuo.com")
        line = check.line_ids.filtered(lambda line: line.status == "owned")
        self.assertTrue(check.can_request)
        with self.assertRaisesRegex(UserError, "Say why"):
            line.action_apply()
        self.assertFalse(self.env["sop.claim.request"].search([("partner_id", "=", self.owned.id)]))
        check.claim_reason = "First contact at Canton Fair on 2026-02-20, emails attached"
        action = line.action_apply()
        self.assertEqual(action["tag"], "display_notification")
        request = self.env["sop.claim.request"].search([("partner_id", "=", self.owned.id)])
        self.assertEqual(
            (request.user_id, request.state, request.owner_id), (self.rep_b, "pending", self.rep_a)
        )
        self.assertEqual(self.owned.user_id, self.rep_a, "ownership moves only when support approves")

    def test_open_own_customer(self):
        check = self._check(self.rep_a, phone="0512 6666 8888")
        line = check.line_ids
        self.assertEqual((line.status, line.partner_id), ("mine", self.owned))
        self.assertEqual(line.action_open()["res_id"], self.owned.id)

    # ------------------------------------------------------------------
    # import
    # ------------------------------------------------------------------

    def _import(self, user, rows, dryrun=True):
        header = ["name", "is_company", "sop_managed", "sop_short_name", "sop_customer_type", "phone"]
        header += ["sop_source_id/id", "sop_group_id/id", "country_id/id", "sop_product_ids/id"]
        product_xid = self.product.get_external_id()[self.product.id] or self._xid(self.product)
        lines = [",".join(header)]
        for name, phone in rows:
            lines.append(
                f"{name},1,1,{name[:8]},trader,{phone},sales_lead_sop.utm_source_alibaba,"
                f"sales_lead_sop.customer_group_potential,base.cn,{product_xid}"
            )
        data = "\n".join(lines).encode()
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create({"res_model": "res.partner", "file": base64.b64encode(data), "file_type": "text/csv"})
        )
        wizard.file = data
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        return wizard.execute_import(header, header, options, dryrun=dryrun)

    def _xid(self, record):
        self.env["ir.model.data"].create(
            {"module": "__test__", "name": "sop_product", "model": record._name, "res_id": record.id}
        )
        return "__test__.sop_product"

    @mute_logger("odoo.sql_db", "odoo.addons.base_import.models.base_import")
    def test_import_reports_duplicates_per_row(self):
        result = self._import(
            self.rep_b,
            [
                ("Kestrel Optics Co", "+1 212 555 0101"),
                ("Marlow Fabrics Co", "0512-6666 8888"),
                ("Kestrel Optics Co.", "+1 212 555 0199"),
                ("Quillon Tools Co", "+86 574 8888 1234"),
            ],
        )
        errors = {msg["rows"]["from"]: msg["message"] for msg in result["messages"] if msg.get("rows")}
        self.assertIn("owned by Rep A since 2026-03-02", errors[1])
        self.assertIn("another row of this file", errors[2])
        self.assertIn("public pool", errors[3])
        self.assertNotIn(0, errors)
        self.assertFalse(self.env["res.partner"].search([("name", "like", "Kestrel Optics")]))

    # ------------------------------------------------------------------
    # leads
    # ------------------------------------------------------------------

    def test_lead_flagged_as_existing_customer(self):
        team = self.env["crm.team"].create({"name": "SOP Lead Team", "sop_use_pipeline": True})
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .create(
                {
                    "name": "Inquiry LED panels",
                    "partner_name": "Langtuo Inc",
                    "email_from": "buyer@langtuo.com",
                    "phone": "+86 512 6666 8888",
                    "team_id": team.id,
                    "user_id": self.rep_b.id,
                }
            )
        )
        self.assertEqual(lead.sop_duplicate_state, "customer")
        self.assertIn("customer owned by Rep A since 2026-03-02", lead.sop_duplicate_note)
        self.assertNotIn("6666", lead.sop_duplicate_note)
        second = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .create({"name": "Same buyer again", "email_from": "someone@kestrel.io", "team_id": team.id})
        )
        self.assertFalse(second.sop_duplicate_state)
        third = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .create({"name": "Third", "email_from": "someone@kestrel.io", "team_id": team.id})
        )
        self.assertEqual(third.sop_duplicate_state, "lead")
        self.assertIn("1 other open lead", third.sop_duplicate_note)

    def test_non_sop_lead_not_flagged(self):
        lead = self.env["crm.lead"].create(
            {"name": "Plain Odoo lead", "email_from": "buyer@langtuo.com", "phone": "+86 512 6666 8888"}
        )
        if lead._sop_is_sop_lead():
            self.skipTest("routed to an SOP lead pool by configuration")
        self.assertFalse(lead.sop_duplicate_state)
