from odoo import api, fields, models
from odoo.tools.safe_eval import safe_eval


class SopPublicPool(models.Model):
    """A public pool (公海) split by region or industry: the public SOP customers matching
    `domain`, worked by `member_ids`. Who may read which pool is configured by the
    security rules; this model only says what a pool holds and who belongs to it."""

    _name = "sop.public.pool"
    _description = "SOP Public Pool"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    domain = fields.Char(
        default="[]",
        required=True,
        help="Which public customers belong to this pool, e.g. by country or industry.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "sop_public_pool_user_rel",
        "pool_id",
        "user_id",
        string="Members",
        domain=[("share", "=", False)],
    )
    customer_count = fields.Integer(string="Public Customers", compute="_compute_customer_count")

    def _get_customer_domain(self):
        """Domain of the public SOP customers of this pool."""
        self.ensure_one()
        return [("sop_managed", "=", True), ("user_id", "=", False)] + safe_eval(self.domain or "[]")

    @api.depends("domain")
    def _compute_customer_count(self):
        for pool in self:
            pool.customer_count = self.env["sop.public.customer"].search_count(
                [("public_pool_id", "=", pool.id)]
            )

    def action_view_customers(self):
        """Open the public customers of this pool (kanban first, for the mobile app)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sales_lead_sop.res_partner_action_sop_public")
        action["domain"] = [("public_pool_id", "=", self.id)]
        action["display_name"] = self.name
        return action
