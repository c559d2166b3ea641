import logging
import threading
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

ALERTS = [("under_contact", "Under-contact"), ("over_contact", "Over-contact")]
ON_TIME_STATES = [("pending", "Pending"), ("on_time", "On Time"), ("late", "Late")]


class ResPartner(models.Model):
    """Follow-up cadence of an SOP customer (SOP.md §7): next follow-up activity after each
    contact, under/over-contact alerts from the nightly job, pause, first follow-up on time."""

    _inherit = "res.partner"

    sop_paused = fields.Boolean(string="Paused", copy=False, readonly=True, tracking=True)
    sop_pause_note = fields.Text(string="Pause Note", copy=False, readonly=True)
    sop_pause_date = fields.Date(string="Paused On", copy=False, readonly=True)
    sop_alert = fields.Selection(
        ALERTS, string="Cadence Alert", copy=False, readonly=True, index="btree_not_null"
    )
    sop_first_followup_deadline = fields.Datetime(
        string="First Follow-up Deadline", copy=False, readonly=True
    )
    sop_first_followup_state = fields.Selection(
        ON_TIME_STATES, string="First Follow-up", copy=False, readonly=True, index="btree_not_null"
    )

    # ORM

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("sop_managed")._sop_set_first_followup_deadline()
        return partners

    def write(self, vals):
        newly_managed = (
            self.filtered(lambda p: not p.sop_managed) if vals.get("sop_managed") else self.browse()
        )
        res = super().write(vals)
        newly_managed.filtered(lambda p: not p.sop_first_followup_deadline)._sop_set_first_followup_deadline()
        return res

    # ACTIONS

    def action_sop_pause(self, note):
        """Pause these customers at their request ("暂时不需要"): no cadence alerts until
        re-activated; a re-activation activity is planned for the owner.

        :param note: why the customer asked for the pause (required)
        :config: sales_lead_sop.pause_reactivate_days
        """
        if not (note or "").strip():
            raise UserError(self.env._("A note is required to pause a customer."))
        not_sop = self.filtered(lambda p: not p.sop_managed)
        if not_sop:
            raise UserError(self.env._("%(name)s is not an SOP customer.", name=not_sop[0].display_name))
        days = self.env["sop.cadence.config"]._get("pause_reactivate_days")
        today = fields.Date.context_today(self)
        self.write({"sop_paused": True, "sop_pause_note": note, "sop_pause_date": today, "sop_alert": False})
        activity_type = self.env.ref("sales_lead_sop.mail_activity_type_sop_reactivate")
        for partner in self:
            partner.message_post(body=self.env._("Paused: %(note)s", note=note))
            if partner.user_id:
                partner.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=today + timedelta(days=days),
                    user_id=partner.user_id.id,
                    note=note,
                )
        return True

    def action_sop_resume(self):
        """Re-activate paused customers: cadence and alerts apply again."""
        self.filtered("sop_paused").write({"sop_paused": False, "sop_pause_date": False})
        return True

    # BUSINESS

    def _sop_set_first_followup_deadline(self):
        """Deadline of the first follow-up: N working days after creation, creation day
        excluded, on the company's working calendar (holidays included).

        :config: sales_lead_sop.first_followup_working_days
        """
        days = self.env["sop.cadence.config"]._get("first_followup_working_days")
        for partner in self:
            company = partner.company_id or self.env.company
            calendar = company.resource_calendar_id
            # arrival = now (not create_date, which is the transaction start)
            start = fields.Datetime.now().replace(hour=23, minute=59, second=59)
            deadline = (
                calendar.plan_days(days, start + timedelta(seconds=1), compute_leaves=True)
                if calendar
                else False
            )
            partner.sop_first_followup_deadline = deadline or start + timedelta(days=days)
            partner.sop_first_followup_state = "pending"

    def _sop_register_contact(self, when):
        """Besides the last-contact date: settle the first follow-up as on time or late,
        clear the under-contact alert and plan the next follow-up activity."""
        first = self.filtered(lambda p: p.sop_managed and p.sop_first_followup_state == "pending")
        res = super()._sop_register_contact(when)
        for partner in first:
            partner.sop_first_followup_state = (
                "on_time" if when <= partner.sop_first_followup_deadline else "late"
            )
        managed = self.filtered("sop_managed")
        managed.filtered(lambda p: p.sop_alert == "under_contact").sop_alert = False
        managed._sop_schedule_next_followup(when)
        if managed and not self.env.context.get("sop_contact_inbound"):
            # the customer writing to us is not our after-sales visit (a flag of the mail
            # gateway's path, not a permission: ignoring it only delays that settlement)
            self.env["crm.lead"]._sop_settle_aftersales_of_customers(managed, when)
        return res

    @api.model
    def _sop_settle_missed_deadlines(self):
        """Mark as late the first follow-ups, Alibaba inquiries and customer entries still
        pending after their deadline (indexed on the pending state, so only the few open ones are read).

        :return: number of customers and leads marked late
        """
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner SET sop_first_followup_state = 'late'
                    WHERE sop_first_followup_state = 'pending' AND sop_first_followup_deadline < %s""",
                now,
            )
        )
        count = self.env.cr.rowcount
        self.env.cr.execute(
            SQL(
                """UPDATE crm_lead SET sop_processing_state = 'late'
                    WHERE sop_processing_state = 'pending' AND sop_processing_deadline < %s""",
                now,
            )
        )
        count += self.env.cr.rowcount
        # customer entries still open after their deadline (an after-sales visit stays pending
        # until it is made: its overdue deadline is the alert)
        self.env.cr.execute(
            SQL(
                """UPDATE crm_lead SET sop_entry_state = 'late'
                    WHERE sop_entry_state = 'pending' AND sop_entry_deadline < %s""",
                now,
            )
        )
        count += self.env.cr.rowcount
        self.env["crm.lead"].invalidate_model(["sop_processing_state", "sop_entry_state"])
        return count

    def _sop_followup_users(self):
        """Who follows this customer up: the owner, plus the team manager on A customers."""
        self.ensure_one()
        users = self.user_id
        if self.sop_grade == "A":
            users |= self.user_id.sale_team_id.user_id
        return users

    def _sop_schedule_next_followup(self, when):
        """Plan the next follow-up activity (owner, and team manager on A customers) at
        `when` + the grade's cadence, unless that user already has one planned."""
        activity_type = self.env.ref("sales_lead_sop.mail_activity_type_sop_followup")
        config = self.env["sop.cadence.config"]
        for partner in self.filtered(lambda p: p.user_id and p.sop_grade and not p.sop_paused):
            days = config._cadence_days(partner.sop_grade)
            planned = partner.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id
            for user in partner._sop_followup_users() - planned:
                partner.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=when.date() + timedelta(days=days),
                    user_id=user.id,
                )

    @api.model
    def _cron_sop_cadence_alerts(self, batch_size=50000):
        """Nightly: flag under-contact (owned, graded, not paused, no contact within the grade's
        cadence) and over-contact (grade D contacted more than N times this month) customers.

        Set-based SQL by id range: memory stays bounded whatever the number of customers; each
        batch is committed outside tests so a re-run resumes cheaply. Idempotent.

        :config: sales_lead_sop.cadence_days_a..d, sales_lead_sop.over_contact_max_d
        :return: number of customers whose alert changed
        """
        config = self.env["sop.cadence.config"]
        today = fields.Date.context_today(self)
        month_start = today.replace(day=1)
        cr = self.env.cr
        cr.execute("SELECT min(id), max(id) FROM res_partner WHERE sop_managed")
        low, high = cr.fetchone()
        changed = 0
        if low is None:
            return 0
        self.env.flush_all()
        for start in range(low, high + 1, batch_size):
            query = SQL(
                """
                WITH target AS (
                    SELECT p.id,
                           CASE
                             WHEN p.sop_paused OR p.user_id IS NULL OR p.sop_grade IS NULL THEN NULL
                             WHEN p.sop_grade = 'D' AND (
                                 SELECT count(*) FROM sop_followup f
                                  WHERE f.partner_id = p.id AND f.date >= %(month_start)s
                             ) > %(max_d)s THEN 'over_contact'
                             WHEN COALESCE(p.sop_last_contact_date, p.create_date)
                                  <= %(today)s::date - (CASE p.sop_grade
                                        WHEN 'A' THEN %(a)s WHEN 'B' THEN %(b)s
                                        WHEN 'C' THEN %(c)s ELSE %(d)s END) * interval '1 day'
                                  THEN 'under_contact'
                           END AS alert
                      FROM res_partner p
                     WHERE p.sop_managed AND p.id >= %(start)s AND p.id < %(stop)s
                )
                UPDATE res_partner p SET sop_alert = target.alert
                  FROM target
                 WHERE p.id = target.id AND p.sop_alert IS DISTINCT FROM target.alert
                   -- the batch's range again, so the update reads it by the primary key
                   -- instead of scanning every partner to join the batch
                   AND p.id >= %(start)s AND p.id < %(stop)s
                """,
                month_start=month_start,
                max_d=config._get("over_contact_max_d"),
                today=today,
                a=config._get("cadence_days_a"),
                b=config._get("cadence_days_b"),
                c=config._get("cadence_days_c"),
                d=config._get("cadence_days_d"),
                start=start,
                stop=start + batch_size,
            )
            cr.execute(query)
            changed += cr.rowcount
            self.env["ir.cron"]._notify_progress(
                done=start - low + batch_size, remaining=max(high - start - batch_size, 0)
            )
            if not getattr(threading.current_thread(), "testing", False):
                # one batch per transaction: bounded locks, a re-run resumes cheaply
                cr.commit()  # pylint: disable=invalid-commit
        changed += self._sop_settle_missed_deadlines()
        self.invalidate_model(["sop_alert", "sop_first_followup_state"])
        _logger.info("SOP cadence alerts: %s customers changed", changed)
        return changed
