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
    sop_class_id = fields.Many2one(
        "sop.source.class",
        string="Source Class",
        index="btree_not_null",
        ondelete="restrict",
        help="Class of the source ([002]: marketing event, sales referral, customer referral, online, "
        "other); reports group and filter by it.",
    )
