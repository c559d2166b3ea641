from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """Handover block (SOP §8): for a while after a handover, the former owner cannot get
    the customers they handed over back, whether by claim, assignment, approved request or
    undone recycle (all go through _sop_move) or by a change of the salesperson field.
    Reading them is already refused by the record rules: they are no longer the owner."""

    _inherit = "res.partner"

    @api.model
    def _sop_handover_block_days(self):
        return self.env["sop.settings"]._get_int("handover_block_days")

    def _sop_check_handover_block(self, user):
        """Refuse when `user` handed any customer of `self` over less than the block ago."""
        days = self._sop_handover_block_days()
        if not days or not user or not self:
            return
        since = fields.Datetime.now() - timedelta(days=days)
        # sudo: the history of customers the caller may not read; only the block is used
        blocked = (
            self.env["sop.pool.history"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("action", "=", "handover"),
                    ("from_user_id", "=", user.id),
                    ("date", ">", since),
                ],
                order="date desc",
                limit=1,
            )
        )
        if blocked:
            raise UserError(
                self.env._(
                    "%(user)s handed customer %(name)s over on %(date)s: it cannot go back to them "
                    "before %(until)s.",
                    user=user.name,
                    name=blocked.partner_id.display_name,
                    date=fields.Datetime.to_string(blocked.date),
                    until=fields.Datetime.to_string(blocked.date + timedelta(days=days)),
                )
            )

    def _sop_move(self, to_user, action, reason=False, only_public=False):
        if to_user and action != "handover":
            self._sop_check_handover_block(to_user)
        return super()._sop_move(to_user, action, reason=reason, only_public=only_public)

    def write(self, vals):
        if vals.get("user_id"):
            self.filtered("sop_managed")._sop_check_handover_block(
                self.env["res.users"].browse(vals["user_id"])
            )
        return super().write(vals)
