from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon
from .test_context_switches import RefusedMixin


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCustomerMembership(RefusedMixin, SopCommon):
    """Whether a company is an SOP customer decides its pools, duplicate check and the owner's
    capacity: only managers change it on an existing company, the change is logged and counted,
    and an SOP customer is archived rather than deleted, so its history survives."""

    def _history(self, partner):
        return self.env["sop.pool.history"].search([("partner_id", "=", partner.id)], order="id")

    def test_rep_cannot_take_own_customer_out_of_the_sop(self):
        customer = self._create_customer("Membership Out Co", user=self.rep_a)
        with self._refused(UserError, "Only a manager takes an existing customer"):
            customer.with_user(self.rep_a).write({"sop_managed": False})
        self.assertTrue(customer.sop_managed)

    def test_capacity_cannot_be_dodged_by_toggling(self):
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.capacity", 1)
        held = self._create_customer("Membership Held Co", user=self.rep_a)
        other = self.env["res.partner"].create({"name": "Membership Outside Co", "is_company": True})
        other.sudo().write({"user_id": self.rep_a.id})  # a company outside the SOP, not counted
        with self._refused(UserError, "Only a manager takes"):
            held.with_user(self.rep_a).write({"sop_managed": False})
        with self._refused(UserError, "would exceed the capacity of 1"):
            other.with_user(self.manager_a).write(self._customer_vals("Membership Outside Co"))
        self.assertFalse(other.sop_managed)

    def test_manager_toggle_is_logged_once_each_way(self):
        customer = self._create_customer("Membership Logged Co", user=self.rep_a)
        customer.with_user(self.manager_a).write({"sop_managed": False})
        customer.with_user(self.manager_a).write({"sop_managed": True})
        actions = self._history(customer).mapped(lambda row: (row.action, row.from_user_id, row.to_user_id))
        self.assertEqual(
            actions,
            [
                ("create", self.env["res.users"], self.rep_a),
                ("sop_off", self.rep_a, self.env["res.users"]),
                ("sop_on", self.env["res.users"], self.rep_a),
            ],
        )
        self.assertEqual(self._history(customer)[1:].user_id, self.manager_a)

    def test_rep_turning_an_individual_into_a_company_enters_it(self):
        person = self.env["res.partner"].with_user(self.rep_a).create({"name": "Membership Person"})
        person.with_user(self.rep_a).write(
            dict(self._customer_vals("Membership Person Co"), company_type="company", is_company=True)
        )
        self.assertTrue(person.sop_managed)
        self.assertEqual(self._history(person).mapped("action"), ["sop_on"])

    def test_sop_customer_is_archived_not_deleted(self):
        customer = self._create_customer("Membership Kept Co", user=self.rep_a)
        with self._refused(UserError, "has a pool history and cannot be deleted: archive it instead"):
            customer.sudo().unlink()
        self.assertTrue(customer.exists())
        customer.with_user(self.manager_a).action_archive()
        self.assertEqual(self._history(customer).mapped("action"), ["create"])

    def test_plain_partner_is_still_deleted(self):
        partner = self.env["res.partner"].create({"name": "Membership Plain Person"})
        partner.unlink()
        self.assertFalse(partner.exists())

    def test_deleted_lead_keeps_its_history(self):
        lead = self.env["crm.lead"].create({"name": "Membership Lead", "type": "lead"})
        self.env["sop.pool.history"]._log("assign", leads=lead, to_user=self.rep_a)
        row = self.env["sop.pool.history"].search([("lead_id", "=", lead.id)])
        lead.unlink()
        self.assertTrue(row.exists())
        self.assertFalse(row.lead_id)
