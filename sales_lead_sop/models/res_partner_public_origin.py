from odoo import fields, models
from odoo.tools.sql import table_exists

from .sop_pool_history import ACTIONS

# How a customer came to the public pool: the action of the move that made it public.
PUBLIC_ORIGINS = [(key, label) for key, label in ACTIONS if key != "request"]


class ResPartner(models.Model):
    """Where a public-pool customer came from (如何捡公海 [004]): when it became public, its
    former owner and that owner's team, and how (released, recycled, handover...). Copied from
    the pool history by a database trigger on every history row (the ORM's `_log` and the
    set-based recycling both insert there), so these columns are always the last move's, and
    the public-pool list searches and groups them as plain indexed columns. They are empty
    while a customer is private, so their partial indexes hold the public pool only."""

    _inherit = "res.partner"

    sop_public_date = fields.Datetime(
        string="Public Since", readonly=True, copy=False, index="btree_not_null"
    )
    sop_public_from_user_id = fields.Many2one(
        "res.users", string="Former Owner", readonly=True, copy=False, index="btree_not_null"
    )
    sop_public_from_team_id = fields.Many2one(
        "crm.team", string="Former Team", readonly=True, copy=False, index="btree_not_null"
    )
    sop_public_action = fields.Selection(PUBLIC_ORIGINS, string="Came From", readonly=True, copy=False)

    def init(self):
        super().init()
        if not table_exists(self.env.cr, "sop_pool_history"):
            return  # a new install: no move to copy yet
        # Customers made public before this column existed: their last move, through the history's
        # partner index (only public customers without an origin, so a re-run is cheap).
        self.env.cr.execute(
            """
            UPDATE res_partner p
               SET sop_public_date = h.date, sop_public_from_user_id = h.from_user_id,
                   sop_public_from_team_id = u.sale_team_id, sop_public_action = h.action
              FROM res_partner q
              CROSS JOIN LATERAL (SELECT date, from_user_id, action FROM sop_pool_history
                                   WHERE partner_id = q.id AND action != 'request' AND to_user_id IS NULL
                                   ORDER BY date DESC, id DESC LIMIT 1) h
              LEFT JOIN res_users u ON u.id = h.from_user_id
             WHERE p.id = q.id AND q.sop_managed AND q.user_id IS NULL AND q.sop_public_date IS NULL
            """
        )


class SopPoolHistory(models.Model):
    _inherit = "sop.pool.history"

    def init(self):
        super().init()
        cr = self.env.cr
        # A trigger rather than ORM code: moves are logged both by `_log` and by the recycling's
        # INSERT ... SELECT of 100k rows; one statement-level trigger serves both, set-based.
        cr.execute(
            """
            CREATE OR REPLACE FUNCTION sop_pool_history_public_origin() RETURNS trigger AS $$
            BEGIN
                UPDATE res_partner p
                   SET sop_public_date = CASE WHEN n.to_user_id IS NULL THEN n.date END,
                       sop_public_from_user_id = CASE WHEN n.to_user_id IS NULL THEN n.from_user_id END,
                       sop_public_from_team_id = CASE WHEN n.to_user_id IS NULL THEN u.sale_team_id END,
                       sop_public_action = CASE WHEN n.to_user_id IS NULL THEN n.action END
                  FROM (SELECT DISTINCT ON (partner_id) partner_id, to_user_id, from_user_id, date, action
                          FROM sop_pool_history_new
                         WHERE partner_id IS NOT NULL AND action != 'request'
                         ORDER BY partner_id, date DESC, id DESC) n
                  LEFT JOIN res_users u ON u.id = n.from_user_id
                 WHERE p.id = n.partner_id;
                RETURN NULL;
            END $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS sop_pool_history_public_origin ON sop_pool_history;
            CREATE TRIGGER sop_pool_history_public_origin AFTER INSERT ON sop_pool_history
                REFERENCING NEW TABLE AS sop_pool_history_new
                FOR EACH STATEMENT EXECUTE FUNCTION sop_pool_history_public_origin();
            """
        )

    def _log(self, action, partners=None, leads=None, from_user=None, to_user=None, reason=None):
        rows = super()._log(action, partners, leads, from_user, to_user, reason)
        if partners:
            # written by the trigger of the insert: what the ORM cached is stale
            partners.invalidate_recordset(
                ["sop_public_date", "sop_public_from_user_id", "sop_public_from_team_id", "sop_public_action"]
            )
        return rows
