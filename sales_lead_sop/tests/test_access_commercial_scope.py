from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon

MUTED = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestAccessCommercialScope(SopCommon):
    """The SOP flag and owner of a partner's commercial entity, stored on every partner for
    the record rules, follow the company through every way its owner changes: contacts
    become visible to the new owner and invisible to the old one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.customer = cls._create_customer("Scope Co", user_id=cls.rep_a.id)
        cls.contact = Partner.create(
            {"name": "Buyer Li", "parent_id": cls.customer.id, "email": "li@s.example"}
        )
        cls.public = cls._create_customer("Scope Public Co")
        cls.public_contact = Partner.create(
            {"name": "Buyer Hu", "parent_id": cls.public.id, "email": "hu@s.example"}
        )
        cls.vendor = Partner.create({"name": "Scope Vendor", "is_company": True})
        cls.vendor_contact = Partner.create({"name": "Vendor Clerk", "parent_id": cls.vendor.id})

    def _reaches(self, user, partner):
        return bool(self.env["res.partner"].with_user(user).search([("id", "=", partner.id)]))

    @mute_logger(*MUTED)
    def _assert_contact_of(self, contact, owner, former):
        self.assertTrue(self._reaches(owner, contact))
        self.assertTrue(contact.with_user(owner).read(["email"]))
        self.assertFalse(self._reaches(former, contact))
        with self.assertRaises(AccessError):
            contact.with_user(former).read(["email"])

    def test_stored_values(self):
        self.assertEqual(
            (self.customer.sop_commercial_managed, self.customer.sop_commercial_user_id), (True, self.rep_a)
        )
        self.assertEqual(
            (self.contact.sop_commercial_managed, self.contact.sop_commercial_user_id), (True, self.rep_a)
        )
        self.assertEqual(
            (self.public_contact.sop_commercial_managed, self.public_contact.sop_commercial_user_id),
            (True, self.env["res.users"]),
        )
        self.assertFalse(self.vendor_contact.sop_commercial_managed)
        self.assertFalse(self.vendor_contact.sop_commercial_user_id)

    def test_non_sop_contacts_keep_odoo_access(self):
        for user in (self.rep_a, self.rep_c, self.manager_b):
            self.assertTrue(self._reaches(user, self.vendor_contact))
            self.assertTrue(self.vendor_contact.with_user(user).read(["name"]))

    def test_claim_then_release(self):
        self.public.with_user(self.rep_c).sop_claim()
        self.assertEqual(self.public_contact.sop_commercial_user_id, self.rep_c)
        self._assert_contact_of(self.public_contact, self.rep_c, self.rep_a)
        self.public.with_user(self.rep_c).sop_release("No longer buying")
        self.assertFalse(self.public_contact.sop_commercial_user_id)
        self.assertFalse(self._reaches(self.rep_c, self.public_contact))

    def test_manager_reassigns(self):
        self.customer.with_user(self.manager_a).sop_assign(self.rep_b)
        self._assert_contact_of(self.contact, self.rep_b, self.rep_a)
        self.assertTrue(self._reaches(self.manager_a, self.contact), "still in the team the manager leads")

    def test_handover(self):
        handover = (
            self.env["sop.handover"]
            .with_user(self.manager_a)
            .create({"from_user_id": self.rep_a.id, "receiver_ids": [(6, 0, self.rep_b.ids)]})
        )
        handover.action_preview()
        handover.action_confirm()
        self._assert_contact_of(self.contact, self.rep_b, self.rep_a)

    def test_recycling_job(self):
        with freeze_time("2026-03-02 08:00:00"):
            customer = self._create_customer("Idle Co", user_id=self.rep_a.id)
            contact = self.env["res.partner"].create(
                {"name": "Idle Buyer", "parent_id": customer.id, "email": "idle@s.example"}
            )
        self.assertTrue(self._reaches(self.rep_a, contact))
        with freeze_time("2026-06-01 08:00:00"):
            self.env["res.partner"]._cron_sop_recycle()
        self.assertFalse(customer.user_id, "recycled to the public pool")
        self.assertFalse(contact.sop_commercial_user_id)
        self.assertFalse(self._reaches(self.rep_a, contact))

    def test_owner_written_through_the_orm(self):
        self.customer.with_user(self.admin).write({"user_id": self.rep_c.id})
        self._assert_contact_of(self.contact, self.rep_c, self.rep_a)

    def test_contact_moves_to_another_company(self):
        mine_c = self._create_customer("C's Co", user_id=self.rep_c.id)
        self.contact.write({"parent_id": mine_c.id})
        self._assert_contact_of(self.contact, self.rep_c, self.rep_a)
        self.contact.write({"parent_id": self.vendor.id})
        self.assertFalse(self.contact.sop_commercial_managed)
        self.assertTrue(self._reaches(self.rep_a, self.contact), "a contact of a non-SOP company")

    def test_company_leaves_the_sop(self):
        self.customer.write({"sop_managed": False})
        self.assertFalse(self.contact.sop_commercial_managed)
        self.assertTrue(self._reaches(self.rep_c, self.contact), "Odoo's access again")

    def test_install_fills_existing_partners_by_sql(self):
        """An install or upgrade on a database that already has SOP customers fills the two
        columns with one statement (the ORM would compute them row by row)."""
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE res_partner DROP COLUMN sop_commercial_managed, DROP COLUMN sop_commercial_user_id"
        )
        self.env["res.partner"]._sop_init_commercial_scope()
        self.env.invalidate_all()
        self.assertEqual(self.contact.sop_commercial_user_id, self.rep_a)
        self.assertTrue(self.public_contact.sop_commercial_managed)
        self.assertFalse(self.public_contact.sop_commercial_user_id)
        self.assertFalse(self.vendor_contact.sop_commercial_managed)
