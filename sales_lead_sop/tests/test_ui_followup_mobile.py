from odoo.tests import HttpCase, new_test_user, tagged


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiFollowupMobile(HttpCase):
    """A rep on a phone logs a follow-up on a lead; it is a contact."""

    browser_size = "375x667"
    touch_enabled = True

    def test_rep_logs_followup_on_phone(self):
        rep = new_test_user(self.env, "sop_tour_followup_rep", groups="sales_lead_sop.group_sop_rep")
        lead = self.env["crm.lead"].create({"name": "SOP tour lead", "type": "lead", "user_id": rep.id})
        self.start_tour(f"/odoo/crm.lead/{lead.id}", "sales_lead_sop_followup_mobile", login=rep.login)
        followup = self.env["sop.followup"].search([("lead_id", "=", lead.id)])
        self.assertEqual(followup.content, "Called the buyer, sent the catalogue")
        self.assertEqual(followup.next_action, "Send the quotation")
        self.assertEqual(followup.user_id, rep)
        self.assertEqual(lead.sop_last_contact_date, followup.date)
