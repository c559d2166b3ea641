from odoo import fields, models


class ResPartnerIndustry(models.Model):
    _inherit = "res.partner.industry"

    sop_code = fields.Char(
        string="Customer Number Code",
        help="Two or three letters used in customer numbers, e.g. IT in HZ-IT-2024-001.",
    )
