from odoo import fields, models, tools


class SopPoolBounceReport(models.Model):
    """Customers that keep bouncing between reps: per customer, how many different reps
    took it and how many moves it had (from the pool history)."""

    _name = "sop.pool.bounce.report"
    _description = "SOP Customers Bouncing Between Reps"
    _auto = False
    _order = "owner_count desc, move_count desc"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    owner_count = fields.Integer(string="Different Owners", readonly=True)
    move_count = fields.Integer(string="Moves", readonly=True)
    last_move = fields.Datetime(string="Last Move", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""CREATE VIEW {self._table} AS
                SELECT partner_id AS id, partner_id,
                       count(DISTINCT to_user_id) AS owner_count,
                       count(*) FILTER (WHERE action <> 'create') AS move_count,
                       max(date) AS last_move
                  FROM sop_pool_history
                 WHERE partner_id IS NOT NULL
                   AND action IN ('create', 'claim', 'release', 'recycle', 'assign', 'handover')
                 GROUP BY partner_id"""  # noqa: S608 - table name is the model's own constant
        )
