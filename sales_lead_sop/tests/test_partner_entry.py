from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPartnerEntry(SopCommon):
    """A company a rep creates outside My Customers (Odoo's Contacts, a many2one, an import,
    RPC) is an SOP customer of theirs with the same rules; without any profile it is refused
    with a message pointing to My Customers. Individuals and non-SOP users keep Odoo's way."""

    def _profile(self, name):
        vals = self._customer_vals(name)
        del vals["sop_managed"]  # Odoo's Contacts form knows nothing of the SOP
        return vals

    def test_company_from_contacts_is_the_reps_sop_customer(self):
        partner = (
            self.env["res.partner"].with_user(self.rep_a).create(self._profile("Contacts App Trading Co"))
        )
        self.assertTrue(partner.sop_managed)
        self.assertEqual(partner.user_id, self.rep_a)
        self.assertTrue(partner.sop_code)
        history = self.env["sop.pool.history"].search([("partner_id", "=", partner.id)])
        self.assertEqual((history.action, history.to_user_id), ("create", self.rep_a))
        unflagged = (
            self.env["res.partner"]
            .with_user(self.manager_a)
            .create(dict(self._profile("Manager Opt Out Co"), sop_managed=False))
        )
        self.assertTrue(unflagged.sop_managed, "a client cannot opt out of the SOP")
        self.assertEqual(unflagged.user_id, self.manager_a, "team managers too")

    def test_company_without_profile_points_to_my_customers(self):
        Partner = self.env["res.partner"].with_user(self.rep_a)
        with self.assertRaisesRegex(UserError, "My Customers"):
            Partner.with_context(default_is_company=True).name_create("Quick Created Co")
        with self.assertRaisesRegex(UserError, "My Customers"):
            Partner.create({"name": "Bare Co", "company_type": "company"})
        with self.assertRaisesRegex(ValidationError, "Customer Group"):
            Partner.create({"name": "Half Co", "is_company": True, "sop_short_name": "Half"})
        self.assertFalse(
            self.env["res.partner"].search_count([("name", "in", ["Quick Created Co", "Bare Co"])])
        )

    def test_import_applies_the_same_rules(self):
        result = (
            self.env["res.partner"]
            .with_user(self.rep_a)
            .load(["name", "is_company"], [["Imported Vendor Co", "True"]])
        )
        self.assertFalse(result["ids"])
        self.assertIn("My Customers", " ".join(message["message"] for message in result["messages"]))

    def test_duplicate_of_another_reps_customer_is_blocked(self):
        self._create_customer("苏州朗拓精密电子有限公司", user_id=self.rep_a.id)
        with self.assertRaisesRegex(UserError, "owned by Rep A"):
            self.env["res.partner"].with_user(self.rep_b).create(
                self._profile("朗拓精密电子（苏州）有限公司")
            )

    def test_individuals_and_other_users_keep_odoos_behaviour(self):
        Partner = self.env["res.partner"].with_user(self.rep_a)
        customer = self._create_customer("Has Contacts Co", user=self.rep_a)
        contact = Partner.create({"name": "Li Lei", "parent_id": customer.id, "email": "li@has.example"})
        self.assertFalse(contact.sop_managed)
        self.assertEqual(contact.commercial_partner_id, customer)
        person = Partner.name_create("Walk-in Buyer")
        self.assertFalse(self.env["res.partner"].browse(person[0]).sop_managed)
        salesman = new_test_user(self.env, "sop_entry_plain", groups="sales_team.group_sale_salesman")
        for user in (salesman, self.support, self.admin):
            vendor = (
                self.env["res.partner"]
                .with_user(user)
                .create({"name": f"Vendor of {user.login}", "is_company": True})
            )
            self.assertFalse(vendor.sop_managed, user.login)

    def test_individual_turned_company_becomes_sop_customer(self):
        person = self.env["res.partner"].with_user(self.rep_a).create({"name": "Soon A Company"})
        with self.assertRaisesRegex(ValidationError, "Short Name"):
            person.with_user(self.rep_a).write({"is_company": True})
        person.with_user(self.rep_a).write(dict(self._profile("Soon A Company"), is_company=True))
        self.assertTrue(person.sop_managed)
        self.assertEqual(person.user_id, self.rep_a)

    def test_partner_form_shows_the_profile_when_a_rep_picks_company(self):
        with Form(self.env["res.partner"].with_user(self.rep_a)) as form:
            form.name = "Form Picked Co"
            self.assertFalse(form.sop_managed)
            form.company_type = "company"
            self.assertTrue(form.sop_managed)
            self.assertEqual(form.country_id, self.env.company.country_id)
            form.company_type = "person"
            self.assertFalse(form.sop_managed)
        with Form(self.env["res.partner"].with_user(self.support)) as form:
            form.name = "Support Picked Co"
            form.company_type = "company"
            self.assertFalse(form.sop_managed)
