from odoo import fields, models


class SopCustomerGroup(models.Model):
    """Customer group (客户分组): where a customer stands in the relationship, and how
    long it may go without contact before it is recycled to the public pool."""

    _name = "sop.customer.group"
    _description = "SOP Customer Group"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        help="Stable technical code of a built-in group (key_account, partner, first_deal, intent, "
        "potential, bulk); automatic group transitions find groups by this code, never by name.",
    )
    recycle_days = fields.Integer(
        string="Recycle After (days)",
        default=30,
        help="Days without contact after which an owned customer of this group returns to the "
        "public pool. 0 means never (exempt).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a customer group must be unique."),
        ("recycle_days_positive", "check(recycle_days >= 0)", "Recycle days cannot be negative."),
    ]
