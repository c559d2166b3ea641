from odoo import api, fields, models
from odoo.exceptions import UserError

ACTIONS = [
    ("create", "Created"),
    ("claim", "Claimed"),
    ("release", "Released"),
    ("recycle", "Recycled"),
    ("assign", "Assigned"),
    ("handover", "Handover"),
    ("request", "Claim Request"),
    ("sop_on", "Entered the SOP"),
    ("sop_off", "Left the SOP"),
]


class SopPoolHistory(models.Model):
    """Append-only log of every ownership move of a customer or lead (who, when,
    from whom, to whom, why). Nobody edits or deletes it, not even an admin through
    the ORM; rows are written with `_log` only."""

    _name = "sop.pool.history"
    _description = "SOP Pool History"
    _order = "date desc, id desc"
    _rec_name = "action"

    # a customer with history is archived, never deleted (res.partner.unlink refuses); a deleted
    # lead (Odoo lets its users delete leads) keeps its rows, their lead emptied
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, ondelete="restrict")
    lead_id = fields.Many2one("crm.lead", string="Lead", index=True, ondelete="set null")
    action = fields.Selection(ACTIONS, required=True)
    from_user_id = fields.Many2one("res.users", string="From", index=True)
    to_user_id = fields.Many2one("res.users", string="To", index=True)
    reason = fields.Char()
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one(
        "res.users", string="Done By", required=True, default=lambda self: self.env.user
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    recycle_rule_id = fields.Many2one("sop.recycle.rule", string="Recycling Rule", readonly=True)
    recycle_run_id = fields.Many2one(
        "sop.recycle.run", string="Recycling Run", readonly=True, index="btree_not_null", ondelete="set null"
    )

    def write(self, vals):
        raise UserError(self.env._("The pool history is append-only: its rows cannot be changed."))

    def unlink(self):
        raise UserError(self.env._("The pool history is append-only: its rows cannot be deleted."))

    @api.model
    def _log(self, action, partners=None, leads=None, from_user=None, to_user=None, reason=None):
        """Append one row per record moved.

        Written as superuser: reps have no create right on the history (so they cannot
        forge it), but every move they make must be logged.

        :param action: a key of ACTIONS
        :param partners: res.partner recordset moved (or None)
        :param leads: crm.lead recordset moved (or None)
        :param from_user: res.users the records left, or a dict {record id: user id}
        :param to_user: res.users the records went to (or None for the public pool)
        :return: the created sop.pool.history records
        """
        vals_list = []
        for field, records in (("partner_id", partners), ("lead_id", leads)):
            for record in records or ():
                origin = (
                    from_user.get(record.id) if isinstance(from_user, dict) else (from_user and from_user.id)
                )
                vals_list.append(
                    {
                        field: record.id,
                        "action": action,
                        "from_user_id": origin or False,
                        "to_user_id": to_user.id if to_user else False,
                        "reason": reason or False,
                        "user_id": self.env.user.id,
                    }
                )
        return self.sudo().create(vals_list)
