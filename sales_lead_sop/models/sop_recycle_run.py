from odoo import fields, models
from odoo.exceptions import UserError


class SopRecycleRun(models.Model):
    """One run of the recycling job: which customers it moved, so a manager can undo the
    whole run within the undo window."""

    _name = "sop.recycle.run"
    _description = "SOP Recycling Run"
    _order = "id desc"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    recycled_count = fields.Integer(string="Recycled", readonly=True)
    history_ids = fields.One2many("sop.pool.history", "recycle_run_id", string="Moves", readonly=True)

    def _compute_display_name(self):
        for run in self:
            run.display_name = self.env._("Recycling of %(date)s", date=fields.Datetime.to_string(run.date))

    def action_undo(self):
        """Give every customer of this run back to its former owner where still possible.

        :return: a notification saying how many came back and how many were skipped
        """
        self.ensure_one()
        # sudo: the run's history names customers now in the public pool, which the manager
        # no longer reads (SOP §1); _sop_undo_recycle below decides on each as the manager
        history = self.sudo().history_ids.filtered(lambda h: h.action == "recycle")
        partners = history.partner_id.with_env(self.env)
        if not partners:
            raise UserError(self.env._("This run recycled no customer."))
        restored, skipped = partners._sop_undo_recycle(
            self.env._("Undo of the recycling run of %(date)s", date=fields.Datetime.to_string(self.date)),
            run=self,
            strict=False,
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if not skipped else "warning",
                "message": self.env._(
                    "%(restored)s customers returned to their former owners, %(skipped)s skipped "
                    "(claimed since, outside the undo window, or owner at capacity).",
                    restored=len(restored),
                    skipped=len(skipped),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
