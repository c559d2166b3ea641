from datetime import date, timedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .sop_report_sql import sop_report_session

# days are numbered from this date in the row id
EPOCH = date(2000, 1, 1)


class SopKpiScorecardDay(models.Model):
    """Day view of the KPI scorecard: each SOP salesperson's follow-ups logged and new
    customers entered per day against their daily quotas [004 规则], a read-only SQL view.

    Every SOP rep has a row for every day of the last year, also a day without any work (0 of
    32 is the point of a quota). Days are cut at midnight in the company calendar's time zone, like the
    months of the monthly scorecard. A filter on the day is pushed down to the series of days
    and each event table is read by an indexed range of that day only.
    """

    _name = "sop.kpi.scorecard.day"
    _description = "SOP Daily Scorecard"
    _auto = False
    _order = "day desc, user_id"
    _rec_name = "user_id"

    day = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    followup_count = fields.Integer(
        string="Follow-ups", readonly=True, help="Follow-ups the salesperson logged that day."
    )
    customer_count = fields.Integer(
        string="New Customers",
        readonly=True,
        help="Customers the salesperson entered that day (still theirs).",
    )
    followup_target = fields.Integer(string="Follow-ups Quota", compute="_compute_quotas")
    followup_missed = fields.Boolean(string="Follow-ups Below Quota", compute="_compute_quotas")
    customer_target = fields.Integer(string="New Customers Quota", compute="_compute_quotas")
    customer_missed = fields.Boolean(string="New Customers Below Quota", compute="_compute_quotas")
    missed_target_count = fields.Integer(string="Missed", compute="_compute_quotas")

    @api.depends("followup_count", "customer_count", "user_id")
    def _compute_quotas(self):
        quotas = self.user_id._sop_daily_quotas()
        for row in self:
            followups, customers = quotas.get(row.user_id.id, (0, 0))
            row.followup_target = followups
            row.customer_target = customers
            row.followup_missed = row.followup_count < followups
            row.customer_missed = row.customer_count < customers
            row.missed_target_count = int(row.followup_missed) + int(row.customer_missed)

    @api.model
    def _search(self, domain, *args, **kwargs):
        """As the monthly scorecard: reading rows by id adds the day and rep the id encodes, so
        PostgreSQL computes those days only."""
        sop_report_session(self.env.cr)
        ids = [
            value
            for leaf in domain
            if isinstance(leaf, (list, tuple))
            and len(leaf) == 3
            and leaf[0] == "id"
            and leaf[1] in ("=", "in")
            for value in (leaf[2] if isinstance(leaf[2], (list, tuple)) else [leaf[2]])
        ]
        if (
            ids
            and all(isinstance(v, int) for v in ids)
            and all(isinstance(leaf, (list, tuple)) for leaf in domain)
        ):
            domain = [
                *domain,
                ("day", "in", sorted({EPOCH + timedelta(days=value >> 20) for value in ids})),
                ("user_id", "in", sorted({value & 0xFFFFF for value in ids})),
            ]
        return super()._search(domain, *args, **kwargs)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        # the days of the company's time zone as UTC ranges; the follow-ups and customers of a
        # day are read by a range on their indexed date (sop_kpi_sop_followup_date_idx,
        # sop_kpi_res_partner_create_owner_idx), then joined to the reps
        days = SQL(
            """(SELECT s::date AS day,
                       (s AT TIME ZONE tz.name) AT TIME ZONE 'UTC' AS start,
                       ((s + interval '1 day') AT TIME ZONE tz.name) AT TIME ZONE 'UTC' AS stop
                  FROM %s tz(name),
                       -- the last year up to today: the view stays bounded without a filter
                       LATERAL generate_series(
                           date_trunc('day', now() AT TIME ZONE tz.name) - interval '366 days',
                           date_trunc('day', now() AT TIME ZONE tz.name),
                           interval '1 day') s)""",
            self.env["sop.kpi.scorecard"]._sop_timezone_sql(),
        )
        return SQL(
            """
SELECT ((d.day - DATE '2000-01-01')::bigint * 1048576 + r.user_id) AS id,
       d.day, r.user_id, r.team_id,
       COALESCE(f.n, 0) AS followup_count, COALESCE(c.n, 0) AS customer_count
  FROM %(days)s d
 CROSS JOIN (
      -- every active SOP salesperson (managers too: they sell)
      SELECT u.id AS user_id, u.sale_team_id AS team_id
        FROM res_users u
        JOIN res_groups_users_rel gu ON gu.uid = u.id
        JOIN ir_model_data g ON g.res_id = gu.gid AND g.model = 'res.groups'
                            AND g.module = 'sales_lead_sop' AND g.name = 'group_sop_rep'
       WHERE u.active AND NOT u.share
  ) r
  LEFT JOIN (
      SELECT d2.day, f.user_id, count(*) AS n
        FROM %(days)s d2 CROSS JOIN LATERAL (
             SELECT f.user_id FROM sop_followup f
              WHERE f.date >= d2.start AND f.date < d2.stop
             OFFSET 0) f
       GROUP BY d2.day, f.user_id
  ) f ON f.day = d.day AND f.user_id = r.user_id
  LEFT JOIN (
      SELECT d3.day, p.user_id, count(*) AS n
        FROM %(days)s d3 CROSS JOIN LATERAL (
             SELECT p.user_id FROM res_partner p
              WHERE p.create_date >= d3.start AND p.create_date < d3.stop
                AND p.sop_managed AND p.user_id IS NOT NULL
             OFFSET 0) p
       GROUP BY d3.day, p.user_id
  ) c ON c.day = d.day AND c.user_id = r.user_id
""",
            days=days,
        )
