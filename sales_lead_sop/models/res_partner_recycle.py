import logging
import threading
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, split_every

_logger = logging.getLogger(__name__)

# Rows per committed transaction of the recycling job: big enough for set-based speed,
# small enough that a killed job loses little work and memory stays bounded.
RECYCLE_BATCH = 10000
# Customers whose recycle date is recomputed per statement when every date is refreshed.
REFRESH_BATCH = 50000


class ResPartner(models.Model):
    """Recycling of private SOP customers to the public pool (回收): the stored recycle date,
    the warnings before it, the job that moves due customers and its dry run."""

    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # Recycle date
    # ------------------------------------------------------------------

    @api.model
    def _sop_recycle_rules(self, extra_rule=None):
        rules = self.env["sop.recycle.rule"].sudo().search([])
        if extra_rule:
            rules |= extra_rule.sudo()
        return rules

    @api.model
    def _sop_recycle_due_sql(self, rules, scope):
        """SELECT (id, due, rule_id): the earliest recycle date of each private SOP customer
        under `rules`, for the customers matched by the SQL condition `scope` on alias p.

        Reference dates never go back before the customer entered the private pool, so a new
        owner always gets the full period.
        """
        entry = SQL("COALESCE(p.sop_owner_date, p.create_date)")
        parts = []
        for rule in rules:
            if rule.group_ids:
                group_filter = SQL("p.sop_group_id IN %s", tuple(rule.group_ids.ids))
            else:
                group_filter = SQL("COALESCE(g.recycle_days, 1) > 0")
            if rule.condition == "no_contact":
                days = SQL("%s", rule.days) if rule.days else SQL("g.recycle_days")
                due = SQL("(GREATEST(p.sop_last_contact_date, %s)::date + %s)", entry, days)
                extra = SQL("%s > 0", days)
            elif rule.condition == "no_contact_since_entry":
                due = SQL("(%s::date + %s)", entry, rule.days)
                extra = SQL("(p.sop_last_contact_date IS NULL OR p.sop_last_contact_date < %s)", entry)
            elif rule.condition == "no_visit":
                last = SQL(
                    "(SELECT max(f.date) FROM sop_followup f"
                    " WHERE f.partner_id = p.id AND f.method = 'visit')"
                )
                due = SQL("(GREATEST(%s, %s)::date + %s)", last, entry, rule.days)
                extra = SQL("TRUE")
            else:  # no_deal
                last = SQL(
                    """(SELECT max(l.date_closed) FROM crm_lead l
                          JOIN crm_stage s ON s.id = l.stage_id AND s.is_won
                          JOIN res_partner c ON c.id = l.partner_id
                         WHERE c.commercial_partner_id = p.id)"""
                )
                due = SQL("(GREATEST(%s, %s)::date + %s)", last, entry, rule.days)
                extra = SQL("TRUE")
            parts.append(
                SQL(
                    """SELECT p.id, %(due)s AS due, %(rule)s AS rule_id
                         FROM res_partner p LEFT JOIN sop_customer_group g ON g.id = p.sop_group_id
                        WHERE p.sop_managed AND p.user_id IS NOT NULL AND p.active
                          AND %(scope)s AND %(group_filter)s AND %(extra)s""",
                    due=due,
                    rule=rule.id,
                    scope=scope,
                    group_filter=group_filter,
                    extra=extra,
                )
            )
        if not parts:
            return SQL("SELECT NULL::int AS id, NULL::date AS due, NULL::int AS rule_id WHERE FALSE")
        return SQL(
            "SELECT DISTINCT ON (id) id, due, rule_id FROM (%s) AS candidates ORDER BY id, due, rule_id",
            SQL(" UNION ALL ").join(parts),
        )

    def _sop_update_recycle_date(self):
        """Recompute and store the recycle date (and rule) of `self` in one statement."""
        if self:
            self._sop_refresh_recycle_dates(SQL("p.id IN %s", tuple(self.ids)))

    @api.model
    def _sop_update_recycle_date_all(self):
        """Recompute every recycle date (after a rule changed), by id ranges of SOP customers."""
        self.env.cr.execute("SELECT min(id), max(id) FROM res_partner WHERE sop_managed")
        low, high = self.env.cr.fetchone()
        if low is None:
            return
        for start in range(low, high + 1, REFRESH_BATCH):
            self._sop_refresh_recycle_dates(SQL("p.id >= %s AND p.id < %s", start, start + REFRESH_BATCH))

    @api.model
    def _sop_refresh_recycle_dates(self, scope):
        self.env.flush_all()
        due = self._sop_recycle_due_sql(self._sop_recycle_rules(), scope)
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner t SET sop_recycle_date = d.due, sop_recycle_rule_id = d.rule_id
                     FROM res_partner p LEFT JOIN (%(due)s) d ON d.id = p.id
                    WHERE t.id = p.id AND %(scope)s
                      AND (t.sop_recycle_date IS DISTINCT FROM d.due
                           OR t.sop_recycle_rule_id IS DISTINCT FROM d.rule_id)""",
                due=due,
                scope=scope,
            )
        )
        self.env["res.partner"].invalidate_model(["sop_recycle_date", "sop_recycle_rule_id"])

    # ------------------------------------------------------------------
    # Dry run
    # ------------------------------------------------------------------

    @api.model
    def _sop_recycle_forecast(self, day_from, day_to, extra_rule=None):
        """Dry run: {partner id: (due date, rule id)} of the private customers the job would
        recycle on a run between `day_from` and `day_to` if nothing changes; due dates in
        the past count as due on `day_from`. Same rules and SQL as the job."""
        due = self._sop_recycle_due_sql(self._sop_recycle_rules(extra_rule), SQL("TRUE"))
        self.env.flush_all()
        self.env.cr.execute(SQL("SELECT id, due, rule_id FROM (%s) d WHERE d.due <= %s", due, day_to))
        return {pid: (max(day, day_from), rule_id) for pid, day, rule_id in self.env.cr.fetchall()}

    # ------------------------------------------------------------------
    # Job
    # ------------------------------------------------------------------

    @api.model
    def _cron_sop_recycle(self, batch_size=RECYCLE_BATCH):
        """Scheduled job: warn owners of customers about to be recycled, then move every due
        private customer (recycle date today or earlier) to the public pool.

        Set-based: the due customers are selected over the indexed recycle date and moved by
        one UPDATE ... RETURNING per batch whose history rows are inserted in the same
        transaction, committed per batch. A job killed midway resumes on its next run:
        committed batches are public (not selected again), the others were rolled back
        whole, so nothing is recycled twice and no history row is lost or duplicated.
        The cooldown of the former owner starts with the history row.
        """
        today = fields.Date.context_today(self)
        testing = getattr(threading.current_thread(), "testing", False)
        self._sop_refresh_due_dates(today)
        self._sop_recycle_warn(today)
        if not testing:
            # warnings are kept even if the moves below fail
            self.env.cr.commit()  # pylint: disable=invalid-commit
        run = self.env["sop.recycle.run"].sudo().create({})
        rule_reasons = {
            rule.id: self.env._("Recycled by rule: %(rule)s", rule=rule.name)
            for rule in self._sop_recycle_rules().with_context(active_test=False)
        }
        total = 0
        while True:
            moved = self._sop_recycle_batch(today, batch_size, run, rule_reasons)
            total += moved
            run.recycled_count = total
            if not moved:
                break
            if not testing:
                # each batch is final once committed (resumable job)
                self.env.cr.commit()  # pylint: disable=invalid-commit
            self.env["ir.cron"]._notify_progress(done=moved, remaining=0 if moved < batch_size else 1)
        if not total:
            run.unlink()
        _logger.info("SOP recycling: %s customers moved to the public pool", total)
        return total

    @api.model
    def _sop_refresh_due_dates(self, today):
        """Re-evaluate the customers stored as due, so that a change the triggers do not see
        (a won deal, a rule change made mid-run) never recycles a customer wrongly.

        One statement scoped by the indexed recycle date (not a list of ids): it only rewrites
        the rows whose date or rule actually changed."""
        self._sop_refresh_recycle_dates(
            SQL("p.sop_recycle_date <= %s AND p.sop_managed AND p.user_id IS NOT NULL", today)
        )

    @api.model
    def _sop_recycle_batch(self, today, batch_size, run, rule_reasons):
        now = fields.Datetime.now()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner p
                      SET user_id = NULL, sop_pool_state = 'public', sop_owner_date = NULL,
                          sop_recycle_date = NULL, sop_recycle_rule_id = NULL,
                          sop_recycle_warned_date = NULL, write_uid = %(uid)s, write_date = %(now)s
                     FROM (SELECT id, user_id, sop_recycle_rule_id FROM res_partner
                            WHERE sop_recycle_date <= %(today)s AND sop_managed AND user_id IS NOT NULL
                            ORDER BY sop_recycle_date, id LIMIT %(limit)s
                              FOR UPDATE SKIP LOCKED) old
                    WHERE p.id = old.id
                RETURNING p.id, old.user_id, old.sop_recycle_rule_id""",
                uid=self.env.uid,
                now=now,
                today=today,
                limit=batch_size,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return 0
        self.env.cr.execute(
            SQL(
                """INSERT INTO sop_pool_history
                       (partner_id, action, from_user_id, reason, date, user_id, company_id,
                        recycle_rule_id, recycle_run_id, create_uid, create_date, write_uid, write_date)
                   SELECT m.pid, 'recycle', m.owner, m.reason, %(now)s, %(uid)s, %(company)s,
                          m.rule, %(run)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(pids)s::int[], %(owners)s::int[], %(rules)s::int[], %(reasons)s::varchar[])
                          AS m(pid, owner, rule, reason)""",
                now=now,
                uid=self.env.uid,
                company=self.env.company.id,
                run=run.id,
                pids=[row[0] for row in rows],
                owners=[row[1] for row in rows],
                rules=[row[2] for row in rows],
                reasons=[rule_reasons.get(row[2]) for row in rows],
            )
        )
        self.env["res.partner"].invalidate_model(
            ["user_id", "sop_pool_state", "sop_owner_date", "sop_recycle_date", "sop_recycle_rule_id"]
        )
        # contacts follow their company (record rules)
        self.env["res.partner"]._sop_sync_commercial_scope([row[0] for row in rows])
        self.env["sop.pool.history"].invalidate_model()
        return len(rows)

    @api.model
    def _sop_recycle_warn(self, today):
        """Warn the owners of customers that will be recycled within their rule's warning
        period: one activity per customer (saying which rule, when and what to do) and one
        inbox/email notification per owner and run listing how many; once per recycle date.

        Activities are created without their own "assigned to you" mail: one digest per
        owner keeps a run of thousands of warnings cheap and the inbox readable.
        :return: number of customers warned
        """
        self.env.cr.execute(
            SQL(
                """SELECT p.id FROM res_partner p JOIN sop_recycle_rule r ON r.id = p.sop_recycle_rule_id
                    WHERE p.sop_recycle_date > %(today)s AND p.sop_managed AND p.user_id IS NOT NULL
                      AND p.sop_recycle_date - r.warn_days <= %(today)s
                      -- a range on the recycle date index instead of every private customer
                      AND p.sop_recycle_date <= %(today)s
                          + (SELECT COALESCE(max(warn_days), 0) FROM sop_recycle_rule)
                      AND p.sop_recycle_warned_date IS DISTINCT FROM p.sop_recycle_date""",
                today=today,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id("res.partner")
        testing = getattr(threading.current_thread(), "testing", False)
        per_owner = {}
        for chunk in split_every(1000, ids):
            vals_list = []
            for partner in self.browse(chunk):
                owner = partner.user_id
                first = per_owner.setdefault(owner, [0, partner.sop_recycle_date])
                first[0] += 1
                first[1] = min(first[1], partner.sop_recycle_date)
                lang_env = self.with_context(lang=owner.lang or self.env.lang).env
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": partner.id,
                        "user_id": owner.id,
                        "activity_type_id": activity_type.id if activity_type else False,
                        "date_deadline": partner.sop_recycle_date - timedelta(days=1),
                        "summary": lang_env._("Contact before it returns to the public pool"),
                        "note": lang_env._(
                            "Rule %(rule)s: %(name)s returns to the public pool on %(date)s unless you "
                            "contact it (log a follow-up, an email, a call or a visit) before then.",
                            rule=partner.sop_recycle_rule_id.with_context(lang=owner.lang).name,
                            name=partner.display_name,
                            date=fields.Date.to_string(partner.sop_recycle_date),
                        ),
                    }
                )
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals_list)
            self.env.cr.execute(
                SQL(
                    "UPDATE res_partner SET sop_recycle_warned_date = sop_recycle_date WHERE id IN %s",
                    tuple(chunk),
                )
            )
            if not testing:
                # a chunk warned is never warned again, even if the job dies
                self.env.cr.commit()  # pylint: disable=invalid-commit
        for owner, (count, first_date) in per_owner.items():
            lang_env = self.with_context(lang=owner.lang or self.env.lang).env
            self.env["mail.thread"].message_notify(
                partner_ids=owner.partner_id.ids,
                subject=lang_env._("Customers about to return to the public pool"),
                body=lang_env._(
                    "%(count)s of your customers will return to the public pool from %(date)s unless "
                    "you contact them. Each one has a to-do activity saying which rule and when.",
                    count=count,
                    date=fields.Date.to_string(first_date),
                ),
            )
        self.invalidate_model(["sop_recycle_warned_date"])
        return len(ids)
