import logging
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrmTeam(models.Model):
    """Weekly digest mail to each team manager (SOP.md §7)."""

    _inherit = "crm.team"

    def _sop_digest_values(self):
        """Content of the team's weekly digest, as the manager may see it.

        :return: dict with `overdue` (mail.activity), `alerts` (res.partner with an open
                 under- or over-contact alert), `recycling` (res.partner), `claims`
                 (sop.claim.request or an empty list when that model is not installed) and
                 `kpis` (sop.kpi.scorecard rows of the current month)
        :config: sales_lead_sop.recycle_warning_days
        """
        self.ensure_one()
        today = fields.Date.context_today(self)
        members = self.member_ids | self.user_id
        followup_type = self.env.ref("sales_lead_sop.mail_activity_type_sop_followup")
        overdue = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("activity_type_id", "=", followup_type.id),
                ("user_id", "in", members.ids),
                ("date_deadline", "<", today),
            ],
            order="date_deadline",
        )
        # open under-/over-contact alerts of the team's customers (partial index on sop_alert)
        alerts = self.env["res.partner"].search(
            [("sop_managed", "=", True), ("sop_alert", "!=", False), ("user_id", "in", members.ids)],
            order="sop_alert, name",
        )
        warn_days = self.env["sop.cadence.config"]._get("recycle_warning_days")
        recycling = self.env["res.partner"].search(
            [
                ("sop_managed", "=", True),
                ("user_id", "in", members.ids),
                ("sop_recycle_date", ">=", today),
                ("sop_recycle_date", "<=", today + timedelta(days=warn_days)),
            ],
            order="sop_recycle_date",
        )
        claims = []
        # sop.claim.request comes with the pools feature, which may not be installed yet
        if "sop.claim.request" in self.env:
            claims = self.env["sop.claim.request"].search(
                [("state", "=", "pending"), ("partner_id.user_id", "in", members.ids)]
            )
        kpis = self.env["sop.kpi.scorecard"].search(
            [("team_id", "=", self.id), ("month", "=", today.replace(day=1))]
        )
        return {"overdue": overdue, "alerts": alerts, "recycling": recycling, "claims": claims, "kpis": kpis}

    @api.model
    def _cron_sop_weekly_digest(self):
        """Weekly: mail each SOP team's manager their digest (template translated in the
        manager's language). Runs as the manager so the digest holds only what they may see."""
        template = self.env.ref("sales_lead_sop.mail_template_sop_weekly_digest")
        teams = self.search([("user_id", "!=", False)])
        sent = 0
        for team in teams:
            if not team.user_id.has_group("sales_lead_sop.group_sop_manager"):
                continue
            # the template reads the digest as the manager (record rules apply), see _sop_digest_values
            template.send_mail(team.id)
            sent += 1
        _logger.info("SOP weekly digest: %s mails queued", sent)
        return sent
