from odoo import api, fields, models


class CrmStage(models.Model):
    """Flags of the SOP pipeline stages (SOP.md §6), read by code instead of stage names."""

    _inherit = "crm.stage"

    sop_pipeline = fields.Boolean(
        string="SOP Stage", help="Stage of the SOP pipeline: its rules (lost reason, order record) apply."
    )
    sop_amount_required = fields.Boolean(
        string="Expected Amount Required",
        help="Opportunities in this stage must have an expected amount.",
    )

    sop_key_stage = fields.Boolean(
        string="Key Stage",
        help="Opportunities in this stage are followed up daily (period in Settings), e.g. "
        "solution review and contract negotiation.",
    )

    @api.model
    def default_get(self, fields_list):
        """A column added to an SOP team's pipeline is an SOP stage, else it would not show
        there (Odoo drops the team of the pipeline's context from the defaults)."""
        team_id = self.env.context.get("default_team_id")
        values = super().default_get(fields_list)
        if "sop_pipeline" in fields_list and isinstance(team_id, int) and "sop_pipeline" not in values:
            values["sop_pipeline"] = bool(self.env["crm.lead"]._sop_team_pipeline([team_id]))
        return values
