from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..report.sop_report_sql import create_indexes

# the few leads due soon are read by range on these partial indexes, not by a scan
REMINDER_INDEXES = [
    (
        "sop_crm_lead_close_reminder_idx",
        "crm_lead",
        ["date_deadline"],
        [],
        "type = 'opportunity' AND active AND user_id IS NOT NULL",
    ),
    (
        "sop_crm_lead_verify_reminder_idx",
        "crm_lead",
        ["sop_next_followup_date"],
        [],
        "sop_lead_type = 'to_verify' AND active AND user_id IS NOT NULL",
    ),
]


class CrmLead(models.Model):
    """Reminders before things expire [002 六(一)5]: N days before an open SOP opportunity's
    expected closing date, and before a lead to verify is due for its next follow-up, the owner
    gets a "Deadline Reminder" activity (in their activity menu, due on that date). Each date
    is reminded once; a new date is reminded again."""

    _inherit = "crm.lead"

    sop_close_reminded_date = fields.Date(readonly=True, copy=False)
    sop_followup_reminded_date = fields.Date(readonly=True, copy=False)

    def init(self):
        super().init()
        create_indexes(self.env.cr, REMINDER_INDEXES)

    @api.model
    def _sop_due_for_reminder(self, kind, limit):
        """Ids of up to `limit` leads whose `kind` ("close" or "followup") date falls within the
        reminder lead time and is not reminded yet; SOP teams (or no team) only.

        :config: sales_lead_sop.reminder_lead_days (2)
        """
        today = fields.Date.context_today(self)
        until = today + timedelta(days=self._sop_param("reminder_lead_days"))
        if kind == "close":
            where = SQL(
                """l.type = 'opportunity' AND l.active AND l.user_id IS NOT NULL
                   AND l.date_deadline BETWEEN %(today)s AND %(until)s
                   AND l.sop_close_reminded_date IS DISTINCT FROM l.date_deadline
                   AND NOT COALESCE(st.is_won, false)""",
                today=today,
                until=until,
            )
        else:
            where = SQL(
                """l.sop_lead_type = 'to_verify' AND l.active AND l.user_id IS NOT NULL
                   AND l.sop_next_followup_date BETWEEN %(today)s AND %(until)s
                   AND l.sop_followup_reminded_date IS DISTINCT FROM l.sop_next_followup_date""",
                today=today,
                until=until,
            )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT l.id FROM crm_lead l
                     LEFT JOIN crm_stage st ON st.id = l.stage_id
                     LEFT JOIN crm_team t ON t.id = l.team_id
                    WHERE %s AND (l.team_id IS NULL OR t.sop_use_pipeline)
                    ORDER BY l.id LIMIT %s""",
                where,
                limit,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_sop_deadline_reminders(self):
        """Daily: plan a reminder activity for the owner of each lead due soon (see class), in
        batches; re-triggers itself while a batch is full. Idempotent.

        :config: sales_lead_sop.reminder_lead_days, sales_lead_sop.lead_recycle_batch (batch size)
        :return: number of reminders planned
        """
        batch = self._sop_param("lead_recycle_batch")
        activity_type = self.env.ref("sales_lead_sop.mail_activity_type_sop_reminder")
        planned = 0
        full = False
        for kind in ("close", "followup"):
            leads = self.browse(self._sop_due_for_reminder(kind, batch))
            full = full or len(leads) == batch
            for lead in leads:
                owner_env = lead.with_context(lang=lead.user_id.lang).env  # the owner reads it
                if kind == "close":
                    due = lead.date_deadline
                    summary = owner_env._("Expected closing on %(date)s", date=due)
                    lead.sop_close_reminded_date = due
                else:
                    due = lead.sop_next_followup_date
                    summary = owner_env._("Lead to verify: follow up by %(date)s", date=due)
                    lead.sop_followup_reminded_date = due
                lead.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=due,
                    summary=summary,
                    user_id=lead.user_id.id,
                )
                planned += 1
        if full:
            self.env.ref("sales_lead_sop.ir_cron_sop_deadline_reminders")._trigger()
        return planned
