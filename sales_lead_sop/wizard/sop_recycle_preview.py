from datetime import timedelta

from odoo import api, fields, models


class SopRecyclePreview(models.TransientModel):
    """Dry run of the recycling job (for admins): how many and which customers it would
    recycle today, tomorrow and within the next 7 days, with the rules as they are, or
    with one more rule as if it were active. Uses the job's own SQL."""

    _name = "sop.recycle.preview"
    _description = "Recycling Dry Run"

    rule_id = fields.Many2one("sop.recycle.rule", string="Also Apply Rule")
    count_today = fields.Integer(string="Today", compute="_compute_lines")
    count_tomorrow = fields.Integer(string="Tomorrow", compute="_compute_lines")
    count_week = fields.Integer(string="Next 7 Days", compute="_compute_lines")
    line_ids = fields.One2many("sop.recycle.preview.line", "preview_id", compute="_compute_lines")

    @api.depends("rule_id")
    def _compute_lines(self):
        Partner = self.env["res.partner"]
        today = fields.Date.context_today(self)
        for preview in self:
            forecast = Partner._sop_recycle_forecast(today, today + timedelta(days=7), preview.rule_id)
            preview.count_today = sum(1 for day, _rule in forecast.values() if day <= today)
            preview.count_tomorrow = sum(
                1 for day, _rule in forecast.values() if day == today + timedelta(days=1)
            )
            preview.count_week = len(forecast)
            # The list shows the first 200; the counts are exact.
            lines = sorted(forecast.items(), key=lambda item: (item[1][0], item[0]))[:200]
            preview.line_ids = [
                fields.Command.create({"partner_id": pid, "date": day, "rule_id": rule_id})
                for pid, (day, rule_id) in lines
            ]

    def _action_open(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }


class SopRecyclePreviewLine(models.TransientModel):
    _name = "sop.recycle.preview.line"
    _description = "Recycling Dry Run Line"
    _order = "date, id"

    preview_id = fields.Many2one("sop.recycle.preview", ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Customer")
    user_id = fields.Many2one(related="partner_id.user_id", string="Owner")
    date = fields.Date(string="Recycled On")
    rule_id = fields.Many2one("sop.recycle.rule", string="Rule")
