from odoo import fields, models
from odoo.tools import SQL

from .res_partner import CUSTOMER_TYPES, GRADES, STARS


class SopPublicCustomer(models.Model):
    """Public-pool (公海) customers as reps may see them: only what is needed to decide a
    claim. Reps cannot read public customers in res.partner (record rule), so phones,
    emails, address, notes, chatter and attachments stay hidden until they own one."""

    _name = "sop.public.customer"
    _description = "Public Pool Customer"
    _auto = False
    _order = "sop_last_contact_date desc nulls last, id desc"
    _rec_name = "name"
    # flush these partner columns before reading the view
    _depends = {
        "res.partner": [
            "name",
            "sop_short_name",
            "country_id",
            "sop_group_id",
            "sop_stars",
            "sop_grade",
            "sop_customer_type",
            "sop_last_contact_date",
            "company_id",
            "sop_managed",
            "sop_pool_state",
            "user_id",
            "active",
        ],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    name = fields.Char(string="Company Name", readonly=True)
    sop_short_name = fields.Char(string="Short Name", readonly=True)
    country_id = fields.Many2one("res.country", string="Country", readonly=True)
    sop_group_id = fields.Many2one("sop.customer.group", string="Customer Group", readonly=True)
    sop_stars = fields.Selection(STARS, string="Stars", readonly=True)
    sop_grade = fields.Selection(GRADES, string="Grade", readonly=True)
    sop_customer_type = fields.Selection(CUSTOMER_TYPES, string="Customer Type", readonly=True)
    sop_last_contact_date = fields.Datetime(string="Last Contact", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)

    def init(self):
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                    SELECT p.id, p.id AS partner_id, p.name, p.sop_short_name, p.country_id,
                           p.sop_group_id, p.sop_stars, p.sop_grade, p.sop_customer_type,
                           p.sop_last_contact_date, p.company_id
                      FROM res_partner p
                     WHERE p.sop_managed AND p.sop_pool_state = 'public' AND p.active
                )""",
                SQL.identifier(self._table),
            )
        )
