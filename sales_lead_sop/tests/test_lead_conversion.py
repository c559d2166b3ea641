from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadConversion(SopCommon):
    """One wizard: target lead -> customer (new or existing) and optionally an opportunity."""

    def _lead(self, **vals):
        return (
            self.env["crm.lead"]
            .with_user(self.rep_a)
            .create(
                {
                    "name": "Panels inquiry",
                    "user_id": self.rep_a.id,
                    "partner_name": "Hamburg Lights GmbH",
                    "contact_name": "Greta",
                    "email_from": "greta@hamburg-lights.example.com",
                    "country_id": self.env.ref("base.de").id,
                    "source_id": self.source_alibaba.id,
                    **vals,
                }
            )
        )

    def _wizard(self, lead, **vals):
        return (
            self.env["sop.lead.convert"]
            .with_user(self.rep_a)
            .with_context(default_lead_id=lead.id)
            .create(vals)
        )

    def test_create_customer_and_opportunity(self):
        lead = self._lead(type="lead")
        followup = (
            self.env["sop.followup"]
            .with_user(self.rep_a)
            .create({"lead_id": lead.id, "content": "first call"})
        )
        wizard = self._wizard(
            lead, opportunity_name="LED panel - retail - 500 pcs", product_ids=[(6, 0, self.product.ids)]
        )
        self.assertEqual(wizard.name, "Hamburg Lights GmbH")
        wizard.action_convert()
        customer = lead.partner_id
        self.assertTrue(customer.sop_managed)
        self.assertEqual(customer.name, "Hamburg Lights GmbH")
        self.assertEqual(customer.user_id, self.rep_a)
        self.assertEqual(customer.sop_source_id, self.source_alibaba)
        self.assertEqual(customer.country_id, self.env.ref("base.de"))
        self.assertEqual(customer.child_ids.email, "greta@hamburg-lights.example.com")
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.sop_lead_type, "target")
        self.assertEqual(lead.stage_id, self.env.ref("sales_lead_sop.stage_inquiry"))
        self.assertEqual(lead.name, "LED panel - retail - 500 pcs")
        self.assertEqual(followup.partner_id, customer, "follow-ups move with the lead")

    def test_link_existing_customer_without_opportunity_moves_history(self):
        customer = self._create_customer("Existing Co", user=self.rep_a)
        lead = self._lead(type="lead")
        lead.message_post(body="Inquiry details", message_type="comment", subtype_xmlid="mail.mt_note")
        attachment = self.env["ir.attachment"].create(
            {"name": "spec.pdf", "raw": b"%PDF", "res_model": "crm.lead", "res_id": lead.id}
        )
        self._wizard(lead, action="link", partner_id=customer.id, create_opportunity=False).action_convert()
        self.assertEqual(lead.partner_id, customer)
        self.assertFalse(lead.active, "the converted lead leaves the list")
        self.assertEqual((attachment.res_model, attachment.res_id), ("res.partner", customer.id))
        self.assertIn("Inquiry details", "".join(customer.message_ids.mapped("body")))
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Hamburg Lights GmbH")]), 0)

    def test_cannot_link_customer_of_another_rep(self):
        other = self._create_customer("Other Rep Co", user=self.rep_b)
        lead = self._lead(type="lead")
        # the link itself is refused (SOP §1): the wizard cannot even name that customer
        with self.assertRaisesRegex(AccessError, "cannot link"):
            self._wizard(lead, action="link", partner_id=other.id)
        self.assertFalse(lead.partner_id)
        self.assertEqual(lead.type, "lead")

    def test_invalid_lead_cannot_be_converted(self):
        lead = self._lead()
        reason = self.env["sop.lead.invalid.reason"].create({"name": "test"})
        wizard = self._wizard(lead)
        lead.write({"sop_lead_type": "invalid", "sop_invalid_reason_id": reason.id})
        with self.assertRaisesRegex(UserError, "cannot be converted"):
            wizard.action_convert()

    @freeze_time("2026-03-15 10:00:00")
    def test_conversion_lands_in_first_sop_stage_with_closing_date(self):
        lead = self._lead(type="lead")
        self._wizard(lead, product_ids=[(6, 0, self.product.ids)]).action_convert()
        self.assertEqual(lead.stage_id, self.env.ref("sales_lead_sop.stage_inquiry"))
        self.assertEqual(lead.date_deadline, date(2026, 4, 15))

    def test_odoo_convert_is_refused_for_sop_leads(self):
        lead = self._lead(type="lead")
        Convert = (
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.rep_a)
            .with_context(active_model="crm.lead", active_id=lead.id, active_ids=lead.ids)
        )
        wizard = Convert.create({"name": "convert", "action": "create"})
        with self.assertRaisesRegex(UserError, "Convert to Customer"):
            wizard.action_apply()
        self.assertEqual(lead.type, "lead")
        self.assertFalse(lead.partner_id)
        self.assertFalse(self.env["res.partner"].search_count([("name", "=", "Hamburg Lights GmbH")]))
        mass = (
            self.env["crm.lead2opportunity.partner.mass"]
            .with_user(self.rep_a)
            .with_context(active_model="crm.lead", active_ids=lead.ids)
            .create({"name": "convert", "action": "create"})
        )
        with self.assertRaisesRegex(UserError, "Convert to Customer"):
            mass.action_mass_convert()
        self.assertEqual(lead.type, "lead")

    def test_odoo_convert_button_hidden_on_sop_lead_form(self):
        arch = (
            self.env["crm.lead"].with_user(self.rep_a).get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("sop_use_pipeline or sop_lead_type or sop_pool_id", arch)
        self.assertIn('name="action_sop_convert"', arch)
