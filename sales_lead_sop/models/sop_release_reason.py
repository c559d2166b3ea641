from odoo import fields, models


class SopReleaseReason(models.Model):
    """A reason a rep may pick when releasing a customer to the public pool (放弃原因)."""

    _name = "sop.release.reason"
    _description = "SOP Release Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
