from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from .res_partner import CUSTOMER_TYPES, GRADES, STARS
from .res_partner_public_origin import PUBLIC_ORIGINS


class SopPublicCustomer(models.Model):
    """Public-pool (公海) customers as reps see them: only what is needed to decide a claim
    (SOP §1). Reps cannot read public customers in res.partner (record rule), so phones,
    emails, address, notes, chatter and attachments stay hidden until they own one.

    The id of a row is the id of its res.partner. When public pools (sop.public.pool) are
    configured, a rep sees only the customers of the pools they belong to."""

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
            "industry_id",
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
            "parent_id",
            "sop_public_date",
            "sop_public_from_user_id",
            "sop_public_from_team_id",
            "sop_public_action",
        ],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    name = fields.Char(string="Company Name", readonly=True)
    sop_short_name = fields.Char(string="Short Name", readonly=True)
    country_id = fields.Many2one("res.country", string="Country", readonly=True)
    industry_id = fields.Many2one("res.partner.industry", string="Industry", readonly=True)
    sop_group_id = fields.Many2one("sop.customer.group", string="Customer Group", readonly=True)
    sop_stars = fields.Selection(STARS, string="Stars", readonly=True)
    sop_grade = fields.Selection(GRADES, string="Grade", readonly=True)
    sop_customer_type = fields.Selection(CUSTOMER_TYPES, string="Customer Type", readonly=True)
    sop_product_ids = fields.Many2many(
        "product.template",
        "res_partner_sop_product_rel",
        "partner_id",
        "product_id",
        string="Products of Interest",
        readonly=True,
    )
    sop_last_contact_date = fields.Datetime(string="Last Contact", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    # how it came to the public pool (如何捡公海 [004]), see res_partner_public_origin.py
    sop_public_date = fields.Datetime(string="Public Since", readonly=True)
    sop_public_from_user_id = fields.Many2one("res.users", string="Former Owner", readonly=True)
    sop_public_from_team_id = fields.Many2one("crm.team", string="Former Team", readonly=True)
    sop_public_action = fields.Selection(PUBLIC_ORIGINS, string="Came From", readonly=True)
    public_pool_id = fields.Many2one(
        "sop.public.pool",
        string="Public Pool",
        compute="_compute_public_pool_id",
        search="_search_public_pool_id",
        help="Search only: the customers of one public pool.",
    )
    sop_in_my_pools = fields.Boolean(
        string="In My Public Pools",
        compute="_compute_sop_in_my_pools",
        search="_search_sop_in_my_pools",
        help="Used by the record rule: the public pools the user belongs to.",
    )

    def init(self):
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %s AS (
                    SELECT p.id, p.id AS partner_id, p.name, p.sop_short_name, p.country_id,
                           p.industry_id, p.sop_group_id, p.sop_stars, p.sop_grade,
                           p.sop_customer_type, p.sop_last_contact_date, p.company_id,
                           p.sop_public_date, p.sop_public_from_user_id, p.sop_public_from_team_id,
                           p.sop_public_action
                      FROM res_partner p
                     WHERE p.sop_managed AND p.user_id IS NULL AND p.active
                )""",
                SQL.identifier(self._table),
            )
        )

    def _compute_public_pool_id(self):
        self.public_pool_id = False

    def _search_public_pool_id(self, operator, value):
        if operator not in ("=", "in"):
            return NotImplemented
        pools = self.env["sop.public.pool"].browse([value] if operator == "=" else value)
        return self._sop_pools_domain(pools)

    def _compute_sop_in_my_pools(self):
        self.sop_in_my_pools = True

    def _search_sop_in_my_pools(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        user = self.env.user
        # sudo: pools and their member lists are configuration, read to build the rule
        Pool = self.env["sop.public.pool"].sudo()
        if user.has_group("sales_lead_sop.group_sop_support") or not Pool.search_count([], limit=1):
            domain = [(1, "=", 1)]  # no pools configured: the public pool is everyone's
        else:
            domain = self._sop_pools_domain(Pool.search([("member_ids", "in", user.id)]))
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _sop_pools_domain(self, pools):
        """Domain of the rows belonging to any of `pools`, whose domains are on res.partner."""
        if not pools:
            return [(0, "=", 1)]
        # sudo: pool domains are trusted configuration on res.partner columns; rows of this
        # view are public customers, which reps cannot search in res.partner themselves.
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        query = Partner._search(expression.OR([pool._get_customer_domain() for pool in pools.sudo()]))
        return [("id", "in", query)]

    def action_sop_claim(self):
        """Claim button: take the customer through res.partner.sop_claim() (which checks the
        pools, cooldown, limit and capacity as the caller), then open its full record,
        which the rep now owns."""
        partners = self.env["res.partner"].browse(self.ids)
        if len(partners) != 1:
            return partners.action_sop_claim()
        partners.sop_claim()
        return partners._sop_claim_notification(
            {
                "type": "ir.actions.act_window",
                "res_model": "res.partner",
                "res_id": partners.id,
                "views": [(False, "form")],
                "target": "current",
            }
        )

    def action_sop_assign(self):
        """Assign button (managers): choose the rep of a led team who takes these customers."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assign Customers"),
            "res_model": "sop.public.customer.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_customer_ids": self.ids},
        }
