from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiMobile(SopHttpCase):
    """A rep works in the Odoo mobile app: the CRM must run at a phone-sized viewport."""

    browser_size = "375x667"
    touch_enabled = True

    def test_rep_opens_pipeline_on_phone(self):
        rep = new_test_user(self.env, "sop_tour_rep", groups="sales_lead_sop.group_sop_rep")
        self.env["crm.lead"].create(
            {"name": "SOP tour opportunity", "type": "opportunity", "user_id": rep.id}
        )
        # start_tour fails on any client error logged in the browser console.
        self.start_tour("/odoo/crm", "sales_lead_sop_rep_mobile_crm", login=rep.login)
