from odoo import api, fields, models
from odoo.exceptions import ValidationError

TRIGGERS = [
    ("won", "Opportunity won"),
    ("lost", "Opportunity lost, no short-term chance"),
    ("opportunity", "New opportunity"),
    ("reply", "Customer replied"),
]


class SopGroupMove(models.Model):
    """An automatic group move (客户分组流转, SOP.md §4): when `trigger` happens to an SOP
    customer of group `from_group_id`, the customer moves to `to_group_id`, the move is logged
    on its chatter and its recycle date follows the new group at once. The moves of [000 §2.2]
    ship as records; the admin switches one off by archiving it."""

    _name = "sop.group.move"
    _description = "SOP Automatic Group Move"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    trigger = fields.Selection(
        TRIGGERS,
        required=True,
        help="Opportunity won: an opportunity of the customer reaches a won stage (each won deal counts "
        "once). Lost: an opportunity is lost with a reason marked 'No short-term chance' and the "
        "customer has no other open opportunity. New opportunity: the customer gets an open "
        "opportunity (created, converted from a lead or restored). Customer replied: an email from "
        "the customer or its contacts arrives, or a follow-up with it is logged.",
    )
    from_group_id = fields.Many2one(
        "sop.customer.group", string="From Group", required=True, ondelete="cascade"
    )
    to_group_id = fields.Many2one("sop.customer.group", string="To Group", required=True, ondelete="cascade")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("groups_differ", "check(from_group_id != to_group_id)", "A group move must change the group."),
    ]

    @api.constrains("trigger", "from_group_id", "active")
    def _check_one_move_per_group(self):
        """One active move per trigger and group, so that a customer's next group is never ambiguous."""
        for move in self.filtered("active"):
            twin = self.search_count(
                [
                    ("id", "!=", move.id),
                    ("trigger", "=", move.trigger),
                    ("from_group_id", "=", move.from_group_id.id),
                ],
                limit=1,
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "Another active group move already applies to %(group)s on '%(trigger)s': "
                        "archive it first.",
                        group=move.from_group_id.name,
                        trigger=dict(self._fields["trigger"]._description_selection(self.env))[move.trigger],
                    )
                )
