from odoo import fields, models


class SopSourceClass(models.Model):
    """Class of lead and customer sources (线索来源分类, [002 二(二)1]): marketing events, sales
    referrals, customer referrals, online, other. Each source belongs to one; reports group and
    filter by it."""

    _name = "sop.source.class"
    _description = "SOP Source Class"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    source_ids = fields.One2many("utm.source", "sop_class_id", string="Sources")
    active = fields.Boolean(default=True)
