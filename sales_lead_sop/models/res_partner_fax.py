from odoo import fields, models


class ResPartner(models.Model):
    """Fax number of customers and contacts (传真; Odoo 18 has none). The duplicate check reads
    it as one more phone (`_sop_phone_fields`): normalised to E.164, stored as a phone key and
    searched like every phone and mobile [004 FAQ: 每个电话/传真都要搜]."""

    _inherit = "res.partner"

    # named as in earlier Odoo versions, so that imports of their exports map it
    fax = fields.Char()
