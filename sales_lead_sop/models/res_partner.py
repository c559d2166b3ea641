from odoo import fields, models

CUSTOMER_TYPES = [
    ("trader", "Trader"),
    ("wholesaler", "Wholesaler"),
    ("contractor", "Contractor"),
    ("brand_owner", "Brand Owner"),
    ("agent", "Agent"),
    ("individual", "Individual Seller"),
    ("unknown", "Unknown"),
]
STARS = [(str(n), str(n)) for n in range(6)]
GRADES = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]


class ResPartner(models.Model):
    """Customer profile of the SOP (建档字段). Only partners with `sop_managed` set are
    SOP customers; every other partner keeps Odoo's behaviour untouched."""

    _inherit = "res.partner"

    sop_managed = fields.Boolean(
        string="SOP Customer",
        index="btree_not_null",
        copy=False,
        help="Managed by the sales-lead SOP: profile rules, pools, duplicate checks and cadence apply.",
    )
    sop_short_name = fields.Char(string="Short Name", tracking=True)
    sop_source_id = fields.Many2one("utm.source", string="Customer Source", tracking=True)
    sop_customer_type = fields.Selection(CUSTOMER_TYPES, string="Customer Type", tracking=True)
    sop_group_id = fields.Many2one(
        "sop.customer.group", string="Customer Group", index=True, tracking=True, ondelete="restrict"
    )
    sop_stars = fields.Selection(STARS, string="Stars", default="0")
    sop_code = fields.Char(string="Customer Number", readonly=True, copy=False, index="btree_not_null")
    sop_grade = fields.Selection(GRADES, string="Grade", tracking=True)
    sop_completeness = fields.Integer(string="Profile Completeness", readonly=True)

    _sql_constraints = [
        ("sop_code_uniq", "unique(sop_code)", "A customer number is unique and never reused."),
    ]
