from odoo import fields, models


class CrmLostReason(models.Model):
    _inherit = "crm.lost.reason"

    sop_no_short_term_chance = fields.Boolean(
        string="No Short-Term Chance",
        help="Losing an opportunity for this reason says the customer will not buy soon: an intent "
        "customer without another open opportunity moves to Potential (automatic group moves).",
    )
