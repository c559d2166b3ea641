from odoo import fields, models

LEAD_TYPES = [("invalid", "Invalid"), ("target", "Target Customer"), ("to_verify", "To Verify")]
INTENTS = [("potential", "Potential Interest"), ("clear", "Clear Interest"), ("high", "High Interest")]
RATINGS = [("A", "A"), ("B", "B"), ("C", "C")]


class CrmLead(models.Model):
    """SOP side of leads and opportunities: type, intent, rating, deadlines and contact."""

    _inherit = "crm.lead"

    sop_lead_type = fields.Selection(LEAD_TYPES, string="Lead Type", tracking=True, index="btree_not_null")
    sop_intent = fields.Selection(INTENTS, string="Intent Level", tracking=True)
    sop_rating = fields.Selection(RATINGS, string="Lead Rating")
    sop_deadline = fields.Datetime(string="SOP Deadline", index="btree_not_null")
    sop_last_contact_date = fields.Datetime(string="Last Contact", readonly=True, copy=False)

    def _sop_register_contact(self, when):
        """Record a real contact at `when` on these leads; only moves the date forward."""
        for lead in self:
            if not lead.sop_last_contact_date or lead.sop_last_contact_date < when:
                lead.sop_last_contact_date = when
