from odoo import models
from odoo.exceptions import UserError


class CrmLead2opportunityPartner(models.TransientModel):
    """Odoo's "Convert to Opportunity" (single and mass) creates a customer outside the SOP,
    without its duplicate check: SOP leads are converted by the SOP's own "Convert to
    Customer" instead, and this refuses them."""

    _inherit = "crm.lead2opportunity.partner"

    def _convert_and_allocate(self, leads, user_ids, team_id=False):
        sop_leads = leads.filtered(lambda lead: lead._sop_is_sop_lead())
        if sop_leads or self.team_id.sop_use_pipeline:
            raise UserError(
                self.env._(
                    "Lead %(name)s follows the SOP: convert it with the “Convert to Customer” "
                    "button, which checks for duplicates and creates the SOP customer.",
                    name=(sop_leads or leads)[:1].name,
                )
            )
        return super()._convert_and_allocate(leads, user_ids, team_id=team_id)
