import logging
import threading
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class SopHandover(models.Model):
    """Weekly feedback after a handover [001 §4(五): 接手人需每周向主管反馈客户跟进情况]: for
    the first month after a handover (a setting), the manager who made it receives every week
    a summary of the receivers' follow-ups on the handed-over customers: per receiver, the
    customers followed up in the week (with how many follow-ups) and those not followed up."""

    _inherit = "sop.handover"

    def _sop_feedback_values(self, since=None):
        """Summary of the receivers' follow-ups on this handover's customers since `since`
        (default: the last 7 days).

        :return: list of dicts per receiver: `user` (res.users), `followed` (list of
                 (res.partner, count)), `silent` (res.partner not followed up)
        """
        self.ensure_one()
        since = since or fields.Datetime.now() - timedelta(days=7)
        lines = self.line_ids
        # one grouped read for the whole handover (no query per customer)
        counts = {
            (partner.id, user.id): count
            for partner, user, count in self.env["sop.followup"]._read_group(
                [
                    ("partner_id", "in", lines.partner_id.ids),
                    ("user_id", "in", lines.to_user_id.ids),
                    ("date", ">=", since),
                ],
                ["partner_id", "user_id"],
                ["__count"],
            )
        }
        summary = []
        for receiver in lines.to_user_id:
            customers = lines.filtered(lambda line, r=receiver: line.to_user_id == r).partner_id
            followed = [(c, counts[c.id, receiver.id]) for c in customers if (c.id, receiver.id) in counts]
            silent = customers.filtered(lambda c, r=receiver: (c.id, r.id) not in counts)
            summary.append({"user": receiver, "followed": followed, "silent": silent})
        return summary

    @api.model
    def _cron_sop_handover_feedback(self, batch_size=100):
        """Weekly: mail each manager the feedback of their handovers still in their first period.
        Handovers are read in batches, each batch committed outside tests.

        :config: sales_lead_sop.handover_feedback_days (30)
        :return: number of mails queued
        """
        now = fields.Datetime.now()
        days = self.env["sop.settings"]._get_int("handover_feedback_days")
        template = self.env.ref("sales_lead_sop.mail_template_sop_handover_feedback")
        handovers = self.search(
            [
                ("state", "=", "done"),
                ("date_done", ">=", now - timedelta(days=days)),
                ("user_id", "!=", False),
            ],
            order="id",
        )
        sent = 0
        for start in range(0, len(handovers), batch_size):
            for handover in handovers[start : start + batch_size]:
                template.send_mail(handover.id)
                sent += 1
            if not getattr(threading.current_thread(), "testing", False):
                # one batch per transaction: a failure later does not resend the mails before
                self.env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("SOP handover feedback: %s mails queued", sent)
        return sent
