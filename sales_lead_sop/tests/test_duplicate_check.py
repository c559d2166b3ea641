from contextlib import contextmanager

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import SopCommon

# Private data of rep A's customer that must never reach another rep.
SECRETS = ("6666", "13812345678", "ridong.com", "li@", "Suzhou Road")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateCheck(SopCommon):
    """Block / warn / claim / open outcomes of the duplicate check, as the reps concerned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-02 09:00:00"):
            cls.ridong = cls._create_customer(
                "苏州朗拓精密电子有限公司",
                user=cls.rep_a,
                phone="0512-6666 8888",
                email="sales@ridong.com",
                website="https://www.ridong.com/en/",
                street="88 Suzhou Road",
                comment="Key account, price list 2026",
                child_ids=[(0, 0, {"name": "Li Ming", "email": "li@ridong.com", "mobile": "138 1234 5678"})],
            )
        cls.public = cls._create_customer(
            "宁波澜川五金制品有限公司", phone="+86 574 8888 1234", email="info@haichen.cn"
        )
        cls.own_b = cls._create_customer("杭州云栖信息科技有限公司", user=cls.rep_b, phone="0571-2222 3333")

    def _create_as(self, user, name, **vals):
        return (
            self.env["res.partner"].with_user(user).create(self._customer_vals(name, user_id=user.id, **vals))
        )

    def _count(self, name):
        return self.env["res.partner"].search_count([("name", "=", name)])

    @contextmanager
    def assertRefused(self, regex):
        """The action raises a UserError matching `regex` and changes nothing (its savepoint is
        rolled back, as the request's transaction is on a server)."""
        with self.assertRaises(UserError) as cm:
            yield cm
        self.assertRegex(str(cm.exception), regex)

    def _duplicate_note(self, partner):
        return "".join(
            partner.message_ids.filtered(lambda m: "Possible duplicate" in (m.body or "")).mapped("body")
        )

    def assertNoSecret(self, text):
        for secret in SECRETS:
            self.assertNotIn(secret, str(text))

    # ------------------------------------------------------------------
    # keys
    # ------------------------------------------------------------------

    def test_keys_of_customer_and_contacts(self):
        self.env.cr.execute(
            "SELECT kind, value FROM sop_partner_key WHERE partner_id = %s ORDER BY kind, value",
            [self.ridong.id],
        )
        self.assertEqual(
            self.env.cr.fetchall(),
            [
                ("email", "li@ridong.com"),
                ("email", "sales@ridong.com"),
                ("email_domain", "ridong.com"),
                ("name", "朗拓精密电子"),
                ("phone", "+8613812345678"),
                ("phone", "+8651266668888"),
                ("website", "ridong.com"),
            ],
        )
        self.assertEqual(self.ridong.sop_name_key, "朗拓精密电子")

    def test_non_sop_partners_untouched(self):
        plain = (
            self.env["res.partner"]
            .with_user(self.rep_b)
            .create(
                {"name": "苏州朗拓精密电子有限公司", "phone": "0512-6666 8888", "email": "sales@ridong.com"}
            )
        )
        self.assertFalse(plain.sop_name_key)
        self.env.cr.execute("SELECT count(*) FROM sop_partner_key WHERE partner_id = %s", [plain.id])
        self.assertEqual(self.env.cr.fetchone()[0], 0)

    # ------------------------------------------------------------------
    # block: another rep's customer
    # ------------------------------------------------------------------

    def test_block_same_name_owned_by_other_rep(self):
        with self.assertRefused("company name matches a customer owned by Rep A since 2026-03-02") as cm:
            self._create_as(self.rep_b, "朗拓精密电子（苏州）有限公司")
        self.assertNoSecret(cm.exception)
        self.assertEqual(self._count("朗拓精密电子（苏州）有限公司"), 0)

    def test_block_same_phone_in_another_format(self):
        with self.assertRefused("phone number matches a customer owned by Rep A") as cm:
            self._create_as(self.rep_c, "Kestrel Optics Co", phone="+86 (512) 6666-8888")
        self.assertNoSecret(cm.exception)

    def test_block_contact_mobile_and_email(self):
        with self.assertRefused("phone number matches a customer owned by Rep A"):
            self._create_as(self.rep_b, "Kestrel Optics Co", mobile="+8613812345678")
        with self.assertRefused("email address matches a customer owned by Rep A"):
            self._create_as(
                self.rep_b,
                "Kestrel Optics Co",
                child_ids=[(0, 0, {"name": "Li", "email": "LI@ridong.com"})],
            )

    def test_block_same_website(self):
        with self.assertRefused("website matches a customer owned by Rep A"):
            self._create_as(self.rep_b, "Kestrel Optics Co", website="ridong.com/contact")

    def test_block_on_write_changes_nothing(self):
        with self.assertRefused("phone number matches a customer owned by Rep A"):
            self.own_b.with_user(self.rep_b).write({"phone": "0512 66668888"})
        self.assertEqual(self.own_b.phone, "0571-2222 3333")
        contact = (
            self.env["res.partner"]
            .with_user(self.rep_b)
            .create({"name": "Wang", "parent_id": self.own_b.id, "email": "wang@borui.cn"})
        )
        with self.assertRefused("email address matches a customer owned by Rep A"):
            contact.with_user(self.rep_b).write({"email": "sales@ridong.com"})
        self.assertEqual(contact.email, "wang@borui.cn")

    # ------------------------------------------------------------------
    # public pool, own customer, warnings
    # ------------------------------------------------------------------

    def test_public_pool_refuses_and_offers_claim(self):
        with self.assertRefused("matches a customer in the public pool: claim it"):
            self._create_as(self.rep_b, "澜川五金制品（宁波）有限公司")
        self.assertEqual(self._count("澜川五金制品（宁波）有限公司"), 0)

    def test_own_customer_offers_to_open_it(self):
        with self.assertRefused("matches your own customer 苏州朗拓精密电子有限公司: open it"):
            self._create_as(self.rep_a, "Kestrel Optics Co", phone="051266668888")

    def test_similar_name_warns_in_chatter(self):
        customer = self._create_as(self.rep_b, "苏州朗拓精密电子科技有限公司")
        note = customer.message_ids.filtered(lambda m: "Possible duplicate" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("similar company name matches a customer owned by Rep A since 2026-03-02", note.body)
        self.assertNoSecret(note.body)

    def test_company_email_domain_warns_free_mail_does_not(self):
        customer = self._create_as(self.rep_b, "Kestrel Optics Co", email="boss@ridong.com")
        self.assertIn("email domain", self._duplicate_note(customer))
        quiet = self._create_as(self.rep_c, "Marlow Fabrics Co", email="someone@qq.com")
        shared = self._create_as(self.rep_b, "Quillon Tools Co", email="other@qq.com")
        self.assertFalse(shared.message_ids.filtered(lambda m: "Possible duplicate" in (m.body or "")))
        self.assertTrue(quiet)

    # ------------------------------------------------------------------
    # settings
    # ------------------------------------------------------------------

    def test_policy_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.sop_duplicate_policy_phone, "block")
        self.assertEqual(settings.sop_duplicate_policy_similar_name, "warn")
        self.assertEqual(settings.sop_duplicate_similarity, 60)
        settings.write({"sop_duplicate_policy_phone": "allow", "sop_duplicate_policy_name": "warn"})
        settings.execute()
        allowed = self._create_as(self.rep_b, "Kestrel Optics Co", phone="0512-6666 8888")
        self.assertFalse(allowed.message_ids.filtered(lambda m: "Possible duplicate" in (m.body or "")))
        warned = self._create_as(self.rep_b, "朗拓精密电子（苏州）有限公司")
        self.assertIn("company name matches", self._duplicate_note(warned))

    def test_skip_context_only_for_sales_admin(self):
        with self.assertRefused("owned by Rep A"):
            self.env["res.partner"].with_user(self.rep_b).with_context(sop_skip_duplicate_check=True).create(
                self._customer_vals("朗拓精密电子（苏州）有限公司")
            )
        created = (
            self.env["res.partner"]
            .with_user(self.admin)
            .with_context(sop_skip_duplicate_check=True)
            .create(self._customer_vals("朗拓精密电子（苏州）有限公司"))
        )
        self.assertEqual(created.sop_name_key, "朗拓精密电子")

    # ------------------------------------------------------------------
    # sop_find_duplicates and the leak rule
    # ------------------------------------------------------------------

    def test_find_duplicates_as_other_rep_leaks_nothing(self):
        result = (
            self.env["res.partner"]
            .with_user(self.rep_b)
            .sop_find_duplicates(
                {
                    "name": "Ridong",
                    "phone": "0512-66668888",
                    "mobile": "13812345678",
                    "email": "li@ridong.com",
                    "website": "www.ridong.com",
                    "country_id": self.country_cn.id,
                }
            )
        )
        mine = [row for row in result if row["owner"] == "Rep A"]
        self.assertEqual({row["match"] for row in mine}, {"phone", "email", "website"})
        for row in mine:
            self.assertEqual(row["status"], "owned")
            self.assertEqual(row["since"], "2026-03-02")
            self.assertFalse(row["partner_id"])
            self.assertFalse(row["name"])
            self.assertEqual(
                set(row), {"match", "status", "owner", "since", "partner_id", "name", "similarity"}
            )
        self.assertNotIn(self.ridong.id, [row["partner_id"] for row in result])
        self.assertNotIn("88 Suzhou", str(result))
        self.assertNotIn("price list", str(result))

    def test_find_duplicates_statuses(self):
        rows = (
            self.env["res.partner"]
            .with_user(self.rep_a)
            .sop_find_duplicates({"phone": "0512 6666 8888", "country_id": self.country_cn.id})
        )
        self.assertEqual(
            [(r["match"], r["status"], r["partner_id"]) for r in rows], [("phone", "mine", self.ridong.id)]
        )
        rows = self.env["res.partner"].with_user(self.rep_b).sop_find_duplicates({"email": "INFO@haichen.cn"})
        self.assertEqual([(r["match"], r["status"], r["owner"]) for r in rows], [("email", "public", False)])
        rows = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .sop_find_duplicates({"phone": "0512 6666 8888", "country_id": self.country_cn.id})
        )
        self.assertEqual([(r["status"], r["partner_id"]) for r in rows], [("owned", self.ridong.id)])

    def test_other_owner_kept_when_many_customers_share_a_key(self):
        """More customers than `duplicate_match_limit` share a name key: the one of another rep
        (created last, so last by id) is still found and blocks."""
        self.env["ir.config_parameter"].set_param("sales_lead_sop.duplicate_match_limit", "2")
        Partner = self.env["res.partner"].with_context(sop_skip_duplicate_check=True)
        for name in ("宁波恒远机械有限公司", "恒远机械（宁波）有限公司", "上海恒远机械有限公司"):
            Partner.create(self._customer_vals(name, user_id=self.rep_b.id))
        other = Partner.create(self._customer_vals("杭州恒远机械有限公司", user_id=self.rep_a.id))
        rows = (
            self.env["res.partner"]
            .with_user(self.rep_b)
            .sop_find_duplicates({"name": "恒远机械股份有限公司"})
        )
        names = [(r["status"], r["owner"], r["partner_id"]) for r in rows if r["match"] == "name"]
        self.assertEqual(len(names), 2)
        self.assertEqual(names[0], ("owned", "Rep A", False))  # another rep's: never its id
        self.assertEqual(names[1][:2], ("mine", "Rep B"))
        with self.assertRefused("company name matches a customer owned by Rep A"):
            self._create_as(self.rep_b, "恒远机械股份有限公司")
        # For rep A it is the other way round: rep B's customers go first, its own gives way.
        rows = self.env["res.partner"].with_user(self.rep_a).sop_find_duplicates({"name": "恒远机械"})
        self.assertEqual([r["status"] for r in rows if r["match"] == "name"], ["owned", "owned"])
        self.assertNotIn(other.id, [r["partner_id"] for r in rows])

    def test_find_duplicates_needs_sales_user(self):
        employee = new_test_user(self.env, "sop_dup_employee", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(employee).sop_find_duplicates({"name": "日东"})

    # ------------------------------------------------------------------
    # claim (pools issue) and conversion hooks
    # ------------------------------------------------------------------

    def test_claim_refused_when_the_company_is_another_reps(self):
        twin = (
            self.env["res.partner"]
            .with_user(self.admin)
            .with_context(sop_skip_duplicate_check=True)
            .create(self._customer_vals("Ridong Twin Record", phone="+86 512 6666 8888"))
        )
        self.assertFalse(twin.user_id)
        with self.assertRefused("phone number matches a customer owned by Rep A"):
            twin.with_user(self.rep_b).sop_claim()
        self.assertFalse(twin.user_id)
        self.public.with_user(self.rep_b).sop_claim()
        self.assertEqual(self.public.user_id, self.rep_b)

    def test_conversion_hook(self):
        Partner = self.env["res.partner"].with_user(self.rep_b)
        with self.assertRefused("owned by Rep A"):
            Partner._sop_check_duplicate_vals(
                {"name": "Suzhou Langtuo Optics", "phone": "0512 6666 8888", "country_id": self.country_cn.id}
            )
        self.assertEqual(Partner._sop_check_duplicate_vals({"name": "Brand New Co"}), [])

    def test_lead_conversion_creates_no_duplicate(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep_b)
            .create(
                {"name": "Inquiry", "partner_name": "朗拓精密电子（苏州）有限公司", "user_id": self.rep_b.id}
            )
        )
        wizard = (
            self.env["sop.lead.convert"]
            .with_user(self.rep_b)
            .create(
                {
                    "lead_id": lead.id,
                    "action": "create",
                    "name": "朗拓精密电子（苏州）有限公司",
                    "short_name": "日东",
                    "source_id": self.source_alibaba.id,
                    "customer_type": "trader",
                    "country_id": self.country_cn.id,
                    "product_ids": [(6, 0, self.product.ids)],
                }
            )
        )
        with self.assertRefused("company name matches a customer owned by Rep A"):
            wizard.action_convert()
        self.assertEqual(self._count("朗拓精密电子（苏州）有限公司"), 0)
        self.assertFalse(lead.partner_id)
