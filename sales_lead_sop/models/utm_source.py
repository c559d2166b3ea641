from odoo import fields, models


class UtmSource(models.Model):
    _inherit = "utm.source"

    sop_needs_detail = fields.Boolean(
        string="Needs Detail",
        help="Customers from this source must say which one (e.g. which trade show).",
    )
