from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateKeyTable(SopCommon):
    """Upkeep of the name-key rows and of the distinct-key table behind the similar-name search,
    and the bounds of that search."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"].with_context(sop_skip_duplicate_check=True)
        cls.ridong = Partner.create(cls._customer_vals("苏州翊澄精密电子有限公司"))
        cls.ridong_branch = Partner.create(cls._customer_vals("翊澄精密电子（苏州）有限公司"))
        cls.ridong_tech = Partner.create(cls._customer_vals("苏州翊澄精密电子科技有限公司"))
        cls.param = cls.env["ir.config_parameter"]

    def _write(self, partner, **vals):
        # These customers resemble each other on purpose: no check on their own changes.
        partner.with_context(sop_skip_duplicate_check=True).write(vals)

    def _name_rows(self, partners):
        self.env.cr.execute(
            "SELECT partner_id, value FROM sop_partner_key WHERE kind = 'name' AND partner_id = ANY(%s)",
            [partners.ids],
        )
        return dict(self.env.cr.fetchall())

    def _distinct_keys(self):
        self.env.cr.execute("SELECT key FROM sop_name_key")
        return {row[0] for row in self.env.cr.fetchall()}

    def _found(self, vals, user=None):
        rows = self.env["res.partner"].with_user(user or self.admin).sop_find_duplicates(vals)
        return {(row["partner_id"], row["match"]) for row in rows}

    def test_rename_moves_the_key(self):
        self.assertEqual(self._name_rows(self.ridong), {self.ridong.id: "翊澄精密电子"})
        self.assertIn("翊澄精密电子", self._distinct_keys())
        self._write(self.ridong, name="苏州澄湖光学有限公司")
        self.assertEqual(self._name_rows(self.ridong), {self.ridong.id: "澄湖光学"})
        self.assertEqual(self.ridong.sop_name_key, "澄湖光学")
        self.assertIn("澄湖光学", self._distinct_keys())
        found = self._found({"name": "澄湖光学（苏州）有限公司"})
        self.assertIn((self.ridong.id, "name"), found)
        found = self._found({"name": "苏州翊澄精密电子有限公司"})
        self.assertNotIn(self.ridong.id, {partner_id for partner_id, _match in found})
        self.assertIn((self.ridong_branch.id, "name"), found)

    def test_archive_and_unmanage_drop_the_key(self):
        self._write(self.ridong, active=False)
        self.assertEqual(self._name_rows(self.ridong), {})
        self._write(self.ridong, active=True)
        self.assertEqual(self._name_rows(self.ridong), {self.ridong.id: "翊澄精密电子"})
        self._write(self.ridong_branch, sop_managed=False)
        self.assertEqual(self._name_rows(self.ridong_branch), {})
        self.assertFalse(self.ridong_branch.sop_name_key)

    def test_contact_name_is_not_a_company_key(self):
        contact = self.env["res.partner"].create(
            {"name": "Zhou Lan", "email": "zhou.lan@example.com", "parent_id": self.ridong.id}
        )
        contact.name = "Zhou Lan Mei"
        self.assertEqual(self._name_rows(contact), {})
        self.assertEqual(self._name_rows(self.ridong), {self.ridong.id: "翊澄精密电子"})

    def test_purge_stale_keys_and_rerun_writes_nothing(self):
        self._write(self.ridong, name="苏州澄湖光学有限公司")
        self._write(self.ridong_branch, name="苏州澄湖光学二厂有限公司")
        self.assertIn("翊澄精密电子", self._distinct_keys(), "kept until the backfill job purges it")
        self.env.cr.execute("SELECT id FROM sop_partner_key ORDER BY id")
        before = self.env.cr.fetchall()
        Partner = self.env["res.partner"]
        self.assertIsNone(Partner._sop_recompute_name_keys(from_id=0))
        self.assertIsNone(Partner._sop_rebuild_all_keys(from_id=0))
        self.assertNotIn("翊澄精密电子", self._distinct_keys())
        self.assertIn("翊澄精密电子科技", self._distinct_keys())
        self.env.cr.execute("SELECT id FROM sop_partner_key ORDER BY id")
        self.assertEqual(self.env.cr.fetchall(), before, "unchanged keys are not rewritten")

    def test_stale_keys_do_not_hide_similar_names(self):
        """A distinct key nobody holds any more is skipped, even when it is the nearest one."""
        self.param.set_param("sales_lead_sop.duplicate_similar_keys", 1)
        self._write(self.ridong, name="苏州澄湖光学有限公司")
        self._write(self.ridong_branch, name="苏州澄湖光学二厂有限公司")
        found = self._found({"name": "苏州翊澄精密电子科技有限公司分公司"})
        self.assertEqual(found, {(self.ridong_tech.id, "name")})
        found = self._found({"name": "苏州翊澄精密电子有限公司"})
        self.assertEqual(found, {(self.ridong_tech.id, "similar_name")})

    def test_similar_search_bounds(self):
        """Only the `duplicate_similar_keys` nearest distinct keys are compared; each kind of
        match reports at most `duplicate_match_limit` customers."""
        Partner = self.env["res.partner"].with_context(sop_skip_duplicate_check=True)
        far = Partner.create(self._customer_vals("苏州翊澄精密电子设备制造有限公司"))
        typed = {"name": "翊澄精密电子有限公司"}
        found = self._found(typed)
        self.assertIn((self.ridong_tech.id, "similar_name"), found)
        self.assertNotIn(far.id, {partner_id for partner_id, _match in found}, "below the threshold")
        self.param.set_param("sales_lead_sop.duplicate_similarity", 30)
        self.assertIn((far.id, "similar_name"), self._found(typed))
        self.param.set_param("sales_lead_sop.duplicate_similar_keys", 1)
        found = self._found(typed)
        self.assertIn((self.ridong_tech.id, "similar_name"), found, "the nearest key is kept")
        self.assertNotIn((far.id, "similar_name"), found)
        self.assertEqual(
            {match for _id, match in found if _id in (self.ridong | self.ridong_branch).ids}, {"name"}
        )
        self.param.set_param("sales_lead_sop.duplicate_match_limit", 1)
        self.assertEqual(len([1 for _id, match in self._found(typed) if match == "name"]), 1)
        self.param.set_param("sales_lead_sop.duplicate_match_limit", 0)
        self.assertEqual(
            len([1 for _id, match in self._found(typed) if match == "name"]), 2, "0 means default"
        )

    def test_word_list_change_updates_the_distinct_keys(self):
        self.env["sop.name.word"].create({"name": "精密", "kind": "generic"})
        self.env["res.partner"]._cron_sop_recompute_name_keys()
        self.assertEqual(self._name_rows(self.ridong), {self.ridong.id: "翊澄电子"})
        keys = self._distinct_keys()
        self.assertIn("翊澄电子", keys)
        self.assertNotIn("翊澄精密电子", keys)
        self.assertIn((self.ridong_tech.id, "name"), self._found({"name": "翊澄电子科技有限公司"}))
