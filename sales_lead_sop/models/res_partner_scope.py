from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, create_index


class ResPartner(models.Model):
    """A rep (or team manager) only reaches the SOP customers of their scope (record rules,
    SOP §1), so an SOP customer they enter without saying whose it is becomes theirs (it
    enters their private pool, within their capacity), instead of a public customer they
    could not open.

    Every partner carries the SOP flag and the owner of its commercial entity (itself for a
    company, the company for a contact), so the record rules test columns of the row itself:
    no join to the company, no branch on parent_id (see bench/ACCESS.md)."""

    _inherit = "res.partner"

    sop_commercial_managed = fields.Boolean(
        string="Company Is SOP Customer",
        compute="_compute_sop_commercial_scope",
        store=True,
        help="The commercial entity of this partner (the partner itself, or the company of a "
        "contact) is an SOP customer.",
    )
    sop_commercial_user_id = fields.Many2one(
        "res.users",
        string="Company Owner",
        compute="_compute_sop_commercial_scope",
        store=True,
        index="btree_not_null",
        help="Owner of the SOP customer this partner belongs to; empty for public customers and "
        "for partners outside the SOP.",
    )

    def _auto_init(self):
        self._sop_init_commercial_scope()
        res = super()._auto_init()
        # A rep's lists without an SOP filter (Contacts, name search) read the rule's first
        # branch, the partners outside the SOP, from this small index and the second from the
        # owner index (bitmap OR), instead of walking every partner in name order.
        create_index(
            self.env.cr,
            "res_partner_sop_outside_idx",
            self._table,
            ["id"],
            where="sop_commercial_managed IS NULL OR NOT sop_commercial_managed",
        )
        return res

    def _sop_init_commercial_scope(self):
        """Create and fill the two columns by one SQL statement at install or upgrade: the
        ORM would compute two million partners one by one at a million customers (with
        their contacts). Partners outside the SOP stay NULL, which reads as False."""
        cr = self.env.cr
        if not column_exists(cr, self._table, "sop_commercial_user_id"):
            create_column(cr, self._table, "sop_commercial_managed", "boolean")
            create_column(cr, self._table, "sop_commercial_user_id", "int4")
            if column_exists(cr, self._table, "sop_managed"):
                cr.execute(
                    """UPDATE res_partner p
                          SET sop_commercial_managed = TRUE, sop_commercial_user_id = c.user_id
                         FROM res_partner c
                        WHERE c.id = p.commercial_partner_id AND c.sop_managed"""
                )

    @api.depends("commercial_partner_id.sop_managed", "commercial_partner_id.user_id")
    def _compute_sop_commercial_scope(self):
        for partner in self:
            commercial = partner.commercial_partner_id
            partner.sop_commercial_managed = commercial.sop_managed
            partner.sop_commercial_user_id = commercial.user_id if commercial.sop_managed else False

    @api.model
    def _sop_sync_commercial_scope(self, commercial_ids):
        """After an owner change written in SQL (pool moves, recycling): copy the owner of
        these commercial entities to themselves and their contacts, as the compute would."""
        if not commercial_ids:
            return
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner p
                      SET sop_commercial_managed = c.sop_managed IS TRUE,
                          sop_commercial_user_id = CASE WHEN c.sop_managed THEN c.user_id END
                     FROM res_partner c
                    WHERE c.id IN %(ids)s AND p.commercial_partner_id = c.id
                      AND (p.sop_commercial_managed IS DISTINCT FROM (c.sop_managed IS TRUE)
                           OR p.sop_commercial_user_id IS DISTINCT FROM
                              CASE WHEN c.sop_managed THEN c.user_id END)""",
                ids=tuple(commercial_ids),
            )
        )
        self.invalidate_model(["sop_commercial_managed", "sop_commercial_user_id"])

    @api.model_create_multi
    def create(self, vals_list):
        # A rep's new customer is theirs (the form sends an empty salesperson); sales support and
        # administrators read public customers, so theirs stay as entered.
        if self._sop_user_enters_customers():
            for vals in vals_list:
                if vals.get("sop_managed") and not vals.get("parent_id") and not vals.get("user_id"):
                    vals["user_id"] = self.env.uid
        return super().create(vals_list)
