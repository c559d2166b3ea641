from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Automatic group moves of SOP customers (SOP.md §4): the events call
    `_sop_apply_group_move`, the configured `sop.group.move` records decide the new group."""

    _inherit = "res.partner"

    def _sop_apply_group_move(self, trigger, event, moves=None):
        """Move each SOP customer of `self` (companies, or the customers of contacts) by the
        active group move of `trigger` from its current group, if there is one: the group is
        set, the move is logged on the customer's chatter and its recycle date recomputed.

        The group is written by one UPDATE, not by `write`: the move follows from what
        happened (a won deal, a reply), so it must not be refused by a profile rule the
        customer was entered under before the admin changed it, nor need the caller's write
        access (a reply reaches an unowned bulk-marketing customer through the mail gateway).

        :param trigger: a trigger of `sop.group.move` (won, lost, opportunity, reply)
        :param event: translated text saying what happened, shown in the chatter note
        :param moves: the active moves of `trigger`, when the caller already read them
        :return: the customers moved
        """
        if not self:
            return self
        if moves is None:
            moves = self._sop_group_moves(trigger)
        if not moves:
            return self.browse()
        next_group = {move.from_group_id.id: move for move in moves}
        # sudo: the customer follows the event the caller was allowed to cause; nothing of the
        # customer is returned to the caller
        customers = self.sudo().commercial_partner_id.filtered(
            lambda p: p.sop_managed and p.active and p.sop_group_id.id in next_group
        )
        for customer in customers:
            move = next_group[customer.sop_group_id.id]
            customer._sop_set_group(move, event)
        return customers.with_env(self.env)

    @api.model
    def _sop_group_moves(self, trigger):
        """The active group moves of `trigger`."""
        # sudo: the move configuration is read by every user whose action triggers a move
        return self.env["sop.group.move"].sudo().search([("trigger", "=", trigger)])

    def _sop_set_group(self, move, event):
        self.ensure_one()
        old_group = self.sop_group_id
        self.flush_recordset(["sop_group_id"])
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET sop_group_id = %s, write_uid = %s, write_date = %s WHERE id = %s",
                move.to_group_id.id,
                self.env.uid,
                fields.Datetime.now(),
                self.id,
            )
        )
        self.invalidate_recordset(["sop_group_id", "write_uid", "write_date"])
        self.modified(["sop_group_id"])  # profile completeness counts the group
        self._sop_update_recycle_date()
        self.message_post(
            body=self.env._(
                "Customer group moved from %(old)s to %(new)s: %(event)s (automatic move: %(move)s).",
                old=old_group.name,
                new=move.to_group_id.name,
                event=event,
                move=move.name,
            ),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
