from odoo import fields, models


class SopLeadInvalidReason(models.Model):
    """Configurable reasons for marking a lead invalid (无效线索原因)."""

    _name = "sop.lead.invalid.reason"
    _description = "SOP Invalid Lead Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
