from odoo.exceptions import UserError
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
        lead = self._lead()
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
        wizard = self._wizard(lead, action="link", partner_id=other.id)
        with self.assertRaisesRegex(UserError, "customer of your own"):
            wizard.action_convert()
        self.assertFalse(lead.partner_id)
        self.assertEqual(lead.type, "lead")

    def test_invalid_lead_cannot_be_converted(self):
        lead = self._lead()
        reason = self.env["sop.lead.invalid.reason"].create({"name": "test"})
        wizard = self._wizard(lead)
        lead.write({"sop_lead_type": "invalid", "sop_invalid_reason_id": reason.id})
        with self.assertRaisesRegex(UserError, "cannot be converted"):
            wizard.action_convert()
