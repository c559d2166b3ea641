from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class PipelineTour:
    """A rep opens the pipeline of their SOP team: only the SOP stages are columns, and the
    rep moves an opportunity from the first SOP stage to the second."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(cls.env, "sop_tour_pipeline_rep", groups="sales_lead_sop.group_sop_rep")
        cls.team = cls.env["crm.team"].create(
            {"name": "Tour SOP Team", "sop_use_pipeline": True, "member_ids": [(6, 0, cls.rep.ids)]}
        )
        cls.opportunity = (
            cls.env["crm.lead"]
            .with_user(cls.rep)
            .create({"name": "Tour Pipeline Opportunity", "type": "opportunity", "user_id": cls.rep.id})
        )

    def test_rep_moves_opportunity_through_sop_stages(self):
        sop_stages = self.env["crm.stage"].search([("sop_pipeline", "=", True), ("team_id", "=", False)])
        self.assertEqual(len(sop_stages), 8, "the tour counts eight SOP stage columns")
        self.assertEqual(self.opportunity.team_id, self.team)
        self.assertEqual(self.opportunity.stage_id, self.env.ref("sales_lead_sop.stage_inquiry"))
        # start_tour fails on any client error logged in the browser console
        self.start_tour("/odoo/crm", "sales_lead_sop_rep_pipeline", login=self.rep.login)
        self.assertEqual(self.opportunity.stage_id, self.env.ref("sales_lead_sop.stage_negotiation"))


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPipelinePhone(PipelineTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiPipelineDesktop(PipelineTour, SopHttpCase):
    browser_size = "1440x900"
