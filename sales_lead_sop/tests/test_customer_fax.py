from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCustomerFax(SopCommon):
    """The fax of customers and contacts (传真) is searched by the duplicate check like every
    phone [004 FAQ: 每个电话/传真都要搜], as the reps concerned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.held = cls._create_customer(
            "Faxholder Trading Co",
            user=cls.rep_a,
            fax="0512-6777 9999",
            child_ids=[(0, 0, {"name": "Zhou", "email": "zhou@faxholder.example", "fax": "0512 6777 1234"})],
        )

    def _fax_keys(self):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT value FROM sop_partner_key WHERE partner_id = %s AND kind = 'phone' ORDER BY value",
            [self.held.id],
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def test_fax_keys_of_customer_and_contact_normalised(self):
        self.assertEqual(self._fax_keys(), ["+8651267771234", "+8651267779999"])

    def test_another_rep_entering_the_fax_as_phone_is_refused(self):
        for vals in ({"phone": "+86 512 6777 9999"}, {"fax": "+86 (512) 6777-1234"}):
            with self.subTest(vals=vals):
                with (
                    self.assertRaisesRegex(UserError, "phone number matches a customer owned by Rep A"),
                    self.env.cr.savepoint(),
                ):
                    self.env["res.partner"].with_user(self.rep_b).create(
                        self._customer_vals("Other Fax Co", user_id=self.rep_b.id, **vals)
                    )
        self.assertFalse(self.env["res.partner"].search_count([("name", "=", "Other Fax Co")]))

    def test_find_duplicates_and_check_before_entry_take_a_fax(self):
        rows = (
            self.env["res.partner"]
            .with_user(self.rep_b)
            .sop_find_duplicates({"fax": "0512 6777 9999", "country_id": self.country_cn.id})
        )
        self.assertEqual([(row["match"], row["status"]) for row in rows], [("phone", "owned")])
        check = (
            self.env["sop.duplicate.check"]
            .with_user(self.rep_b)
            .create({"fax": "051267779999", "country_id": self.country_cn.id})
        )
        check.action_check()
        self.assertEqual(check.line_ids.mapped("match"), ["phone"])
        self.assertEqual(check.line_ids.owner, "Rep A")

    def test_backfill_rebuilds_fax_keys(self):
        expected = self._fax_keys()
        self.env.cr.execute(
            "DELETE FROM sop_partner_key WHERE partner_id = %s AND kind = 'phone'", [self.held.id]
        )
        self.assertFalse(self._fax_keys())
        self.assertIsNone(self.env["res.partner"]._sop_rebuild_all_keys(from_id=self.held.id - 1))
        self.assertEqual(self._fax_keys(), expected)

    def test_fax_change_replaces_its_key(self):
        self.held.with_user(self.rep_a).fax = "+86 512 6777 0000"
        self.assertEqual(self._fax_keys(), ["+8651267770000", "+8651267771234"])
