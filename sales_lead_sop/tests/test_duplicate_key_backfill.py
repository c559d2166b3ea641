import psycopg2.errors

from odoo.sql_db import db_connect
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.mail import email_normalize_all

from ..tools.duplicate_keys import normalize_emails
from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateKeyBackfill(SopCommon):
    """The bulk backfill of the key table (by id range, COPY) gives exactly the rows that the
    saves of customers and contacts write, writes nothing when run again and removes what no
    longer belongs to a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"].with_context(sop_skip_duplicate_check=True)
        cls.acme = Partner.create(
            cls._customer_vals(
                "苏州翊澄光电科技有限公司",
                phone="+86 512 6666 8888",
                mobile="138 0000 1111",
                email="Sales@Yicheng-Opto.com.cn",
                website="https://www.yicheng-opto.com.cn/en",
            )
        )
        cls.acme_contact = Partner.create(
            {
                "name": "Li Wei",
                "parent_id": cls.acme.id,
                "email": '"Li Wei" <li.wei@yicheng-opto.com.cn>, wei.li@gmail.com',
                "phone": "+49 30 1234 5678",
            }
        )
        cls.beta = Partner.create(
            cls._customer_vals(
                "Bergstrom Lighting GmbH", phone="+49 89 7777 1234", email="info@bergstrom-light.de"
            )
        )
        cls.beta_archived_contact = Partner.create(
            {
                "name": "Old Buyer",
                "parent_id": cls.beta.id,
                "email": "old.buyer@bergstrom-old.de",
                "active": False,
            }
        )
        cls.outsider = Partner.create(
            {
                "name": "Not In The SOP Ltd",
                "is_company": True,
                "phone": "+44 20 7946 0000",
                "email": "a@outsider.co.uk",
            }
        )
        cls.partners = cls.acme | cls.acme_contact | cls.beta | cls.beta_archived_contact | cls.outsider
        cls.Partner = cls.env["res.partner"]

    def _rows(self, kinds="others"):
        condition = "kind = 'name'" if kinds == "name" else "kind != 'name'"
        self.env.cr.execute(
            f"SELECT partner_id, kind, value FROM sop_partner_key WHERE partner_id = ANY(%s) AND {condition}",  # noqa: S608
            [self.partners.ids],
        )
        return set(self.env.cr.fetchall())

    def _all_rows(self):
        self.env.cr.execute("SELECT id, partner_id, kind, value FROM sop_partner_key ORDER BY id")
        return self.env.cr.fetchall()

    def _drop_rows(self, kinds="others"):
        condition = "kind = 'name'" if kinds == "name" else "kind != 'name'"
        self.env.cr.execute(
            f"DELETE FROM sop_partner_key WHERE partner_id = ANY(%s) AND {condition}",  # noqa: S608
            [self.partners.ids],
        )

    def test_bulk_rows_equal_the_rows_of_saves(self):
        live = self._rows()
        self.assertIn((self.acme.id, "phone", "+8651266668888"), live)
        self.assertIn((self.acme.id, "phone", "+8613800001111"), live, "national number read as CN")
        self.assertIn((self.acme.id, "phone", "+493012345678"), live, "the contact's phone")
        self.assertIn((self.acme.id, "email", "li.wei@yicheng-opto.com.cn"), live)
        self.assertIn((self.acme.id, "email", "wei.li@gmail.com"), live)
        self.assertIn((self.acme.id, "website", "yicheng-opto.com.cn"), live)
        self.assertNotIn("bergstrom-old.de", {value for _id, _kind, value in live}, "archived contact")
        self.assertNotIn(self.outsider.id, {partner_id for partner_id, _kind, _value in live})
        self._drop_rows()
        self.assertIsNone(self.Partner._sop_rebuild_all_keys(from_id=0))
        self.assertEqual(self._rows(), live)

    def test_rerun_writes_nothing_and_removes_what_does_not_belong(self):
        self.env.cr.execute(
            """INSERT INTO sop_partner_key (partner_id, kind, value)
               VALUES (%(acme)s, 'phone', '+8651200000000'),
                      (%(contact)s, 'email', 'li.wei@yicheng-opto.com.cn'),
                      (%(outsider)s, 'website', 'outsider.co.uk')""",
            {"acme": self.acme.id, "contact": self.acme_contact.id, "outsider": self.outsider.id},
        )
        live_before = {row for row in self._rows() if row[0] == self.beta.id}
        self.assertIsNone(self.Partner._sop_rebuild_all_keys(from_id=0))
        rows = self._rows()
        self.assertNotIn((self.acme.id, "phone", "+8651200000000"), rows)
        self.assertEqual({row[0] for row in rows}, {self.acme.id, self.beta.id}, "customers only")
        self.assertEqual({row for row in rows if row[0] == self.beta.id}, live_before)
        before = self._all_rows()
        self.assertIsNone(self.Partner._sop_rebuild_all_keys(from_id=0))
        self.assertIsNone(self.Partner._sop_recompute_name_keys(from_id=0))
        self.assertEqual(self._all_rows(), before, "a re-run writes nothing")

    def test_name_keys_by_range(self):
        names = self._rows("name")
        self.assertEqual({row[:2] for row in names}, {(self.acme.id, "name"), (self.beta.id, "name")})
        acme_key = self.acme.sop_name_key
        self._drop_rows("name")
        self.env.cr.execute("DELETE FROM sop_name_key WHERE key = %s", [acme_key])
        self.env.cr.execute(
            "INSERT INTO sop_partner_key (partner_id, kind, value) VALUES (%s, 'name', 'liwei')",
            [self.acme_contact.id],
        )
        self.assertIsNone(self.Partner._sop_recompute_name_keys(from_id=0))
        self.assertEqual(self._rows("name"), names, "restored; a contact's name is no company key")
        self.env.cr.execute("SELECT key FROM sop_name_key WHERE key IN (%s, 'liwei')", [acme_key])
        self.assertEqual(self.env.cr.fetchall(), [(acme_key,)])

    def test_lookups_find_bulk_loaded_rows(self):
        self._drop_rows()
        self._drop_rows("name")
        self.Partner.invalidate_model(["sop_name_key"])
        typed = {
            "name": "翊澄光电科技（苏州）有限公司",
            "phone": "0512 6666 8888",
            "email": "WEI.LI@gmail.com",
            "country_id": self.country_cn.id,
        }
        self.assertFalse(self.Partner.with_user(self.rep_a).sop_find_duplicates(typed))
        self.Partner._sop_recompute_name_keys(from_id=0)
        self.Partner._sop_rebuild_all_keys(from_id=0)
        rows = self.Partner.with_user(self.rep_a).sop_find_duplicates(typed)
        self.assertEqual({row["match"] for row in rows}, {"name", "phone", "email"})
        self.assertEqual({row["status"] for row in rows}, {"public"})

    def test_edits_between_batches_end_with_current_keys(self):
        """A backfill stopped after its first batch (batch size 1), customers edited before it
        resumes: one already done, one still ahead; both end with exactly their keys."""
        self._drop_rows()
        self.env["ir.config_parameter"].set_param("sales_lead_sop.duplicate_key_batch_size", 1)
        last = self.Partner._sop_rebuild_all_keys(from_id=self.acme.id - 1, time_budget=-1)
        self.assertEqual(last, self.acme.id)
        self.acme.with_context(sop_skip_duplicate_check=True).write({"mobile": False})
        self.beta.with_context(sop_skip_duplicate_check=True).write({"phone": "+49 89 7777 9999"})
        self.assertIsNone(self.Partner._sop_rebuild_all_keys(from_id=last))
        rows = self._rows()
        self.assertNotIn((self.acme.id, "phone", "+8613800001111"), rows)
        self.assertEqual(
            {value for partner_id, kind, value in rows if partner_id == self.beta.id and kind == "phone"},
            {"+498977779999"},
        )
        expected = rows
        self._drop_rows()
        self.env["sop.partner.key"]._sop_rebuild((self.acme | self.beta).ids)
        self.assertEqual(self._rows(), expected, "what a save of each customer writes")

    def test_job_after_install_does_both_in_one_pass(self):
        """Install and upgrade leave both resume points at 0: one run of the job rebuilds the
        name keys and the other rows together and clears both."""
        live, names = self._rows(), self._rows("name")
        self._drop_rows()
        self._drop_rows("name")
        param = self.env["ir.config_parameter"]
        for key in ("name_keys_from_id", "partner_keys_from_id"):
            param.set_param(f"sales_lead_sop.{key}", "0")
        self.Partner._cron_sop_recompute_name_keys()
        self.assertEqual((self._rows(), self._rows("name")), (live, names))
        for key in ("name_keys_from_id", "partner_keys_from_id"):
            self.assertFalse(param.get_param(f"sales_lead_sop.{key}"))

    def test_plain_email_shortcut_matches_odoo_parser(self):
        samples = [
            "Sales@Yicheng-Opto.com.cn",
            "a.b+tag@x-y.de",
            "first_last@host",
            '"Li Wei" <LI.WEI@example.com>',
            "a@b.com, c@d.com",
            "li wei@example.com",
            "a..b@example.com",
            "müller@example.de",
            "user@exämple.de",
            " padded@example.com ",
            "no-at-sign",
            "",
        ]
        for text in samples:
            with self.subTest(text=text):
                self.assertEqual(normalize_emails(text), [e for e in email_normalize_all(text) if e])


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateKeyBackfillLock(SopCommon):
    """Saves during a backfill (two real connections: a backfill batch and a rep's save)."""

    def _cursor(self):
        # A connection of its own (committed, unlike the test's): only the lock row changes.
        cr = db_connect(self.env.cr.dbname).cursor()
        # Fail rather than hang if the test transaction itself held the lock.
        cr.execute("SET lock_timeout = '5s'")
        cr.commit()  # pylint: disable=invalid-commit
        return cr

    @mute_logger("odoo.sql_db")
    def test_save_waits_for_a_batch_and_retries_after_it(self):
        batch, save = self._cursor(), self._cursor()
        batch_keys = self.env(cr=batch)["sop.partner.key"]
        save_keys = self.env(cr=save)["sop.partner.key"]
        try:
            # A save that started before a batch committed must not write from its old view.
            save.execute("SELECT 1")
            self.assertTrue(batch_keys._sop_lock_backfill())
            batch.commit()  # pylint: disable=invalid-commit
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                save_keys._sop_guard_live_write()
            save.rollback()
            # While a batch runs, key writes wait; lookups do not.
            self.assertTrue(batch_keys._sop_lock_backfill())
            save.execute("SET LOCAL lock_timeout = '50ms'")
            save.execute("SELECT count(*) FROM sop_partner_key WHERE kind = 'phone' AND value = '+1'")
            self.assertEqual(save.fetchone(), (0,))
            with self.assertRaises(psycopg2.errors.LockNotAvailable):
                save_keys._sop_guard_live_write()
            save.rollback()
            batch.commit()  # pylint: disable=invalid-commit
            # A save that starts after the batch committed goes through.
            save_keys._sop_guard_live_write()
            # and a batch does not queue behind it (later saves would queue behind the batch).
            self.assertFalse(batch_keys._sop_lock_backfill())
            batch.rollback()
            save.rollback()
            self.assertTrue(batch_keys._sop_lock_backfill())
        finally:
            batch.rollback()
            save.rollback()
            batch.close()
            save.close()
