from odoo import fields, models


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
