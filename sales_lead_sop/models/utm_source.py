from odoo import fields, models


class UtmSource(models.Model):
    _inherit = "utm.source"

    sop_needs_detail = fields.Boolean(
        string="Needs Detail",
        help="Customers from this source must say which one (e.g. which trade show).",
    )
    sop_kpi_lead_channel = fields.Boolean(
        string="Counts for Leads KPI",
        help="Leads from this source count toward the monthly leads target of the KPI scorecard "
        '(the SOP\'s "leads from other channels").',
    )
