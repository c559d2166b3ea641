from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

HANDOVER_STATES = [("draft", "Draft"), ("done", "Handed Over")]


class SopHandover(models.Model):
    """Departure handover (离职交接, SOP §8): a manager moves every customer, lead,
    opportunity, open activity and follower entry of a departing rep to one receiver or
    several (round-robin within their private-pool capacity), after a preview list.

    The former owner is then blocked from those customers for the handover block
    (sales_lead_sop.handover_block_days, see res_partner_handover.py)."""

    _name = "sop.handover"
    _description = "SOP Departure Handover"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    from_user_id = fields.Many2one(
        "res.users",
        string="Departing Salesperson",
        required=True,
        index=True,
        domain=[("share", "=", False)],
        tracking=True,
    )
    receiver_ids = fields.Many2many(
        "res.users",
        "sop_handover_receiver_rel",
        "handover_id",
        "user_id",
        string="Receivers",
        domain=[("share", "=", False)],
        help="One receiver takes everything; several share the customers round-robin within "
        "their private-pool capacity.",
    )
    user_id = fields.Many2one(
        "res.users", string="Manager", default=lambda self: self.env.user, readonly=True, index=True
    )
    state = fields.Selection(HANDOVER_STATES, default="draft", required=True, readonly=True, tracking=True)
    date_done = fields.Datetime(string="Handed Over On", readonly=True)
    line_ids = fields.One2many("sop.handover.line", "handover_id", string="Handover List", readonly=True)
    customer_count = fields.Integer(compute="_compute_counts", string="Customers")
    lead_count = fields.Integer(string="Leads and Opportunities", readonly=True)
    activity_count = fields.Integer(string="Open Activities", readonly=True)
    acknowledged_user_ids = fields.Many2many(
        "res.users",
        "sop_handover_ack_rel",
        "handover_id",
        "user_id",
        string="Acknowledged By",
        readonly=True,
    )
    acknowledged = fields.Boolean(compute="_compute_acknowledged", store=True)
    ack_deadline = fields.Datetime(
        string="Acknowledge Before",
        readonly=True,
        help="End of the working days the receivers have to acknowledge the handover list.",
    )
    ack_overdue = fields.Boolean(
        string="Acknowledgment Overdue",
        compute="_compute_ack_overdue",
        search="_search_ack_overdue",
    )

    @api.depends("from_user_id")
    def _compute_name(self):
        for handover in self:
            handover.name = self.env._("Handover of %(user)s", user=handover.from_user_id.name or "")

    @api.depends("receiver_ids", "acknowledged_user_ids")
    def _compute_acknowledged(self):
        for handover in self:
            handover.acknowledged = bool(handover.receiver_ids) and not (
                handover.receiver_ids - handover.acknowledged_user_ids
            )

    def _compute_ack_overdue(self):
        now = fields.Datetime.now()
        for handover in self:
            handover.ack_overdue = bool(
                handover.state == "done"
                and not handover.acknowledged
                and handover.ack_deadline
                and handover.ack_deadline < now
            )

    def _search_ack_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [
            ("state", "=", "done"),
            ("acknowledged", "=", False),
            ("ack_deadline", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.depends("line_ids")
    def _compute_counts(self):
        for handover in self:
            handover.customer_count = len(handover.line_ids)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_preview(self):
        """Build the handover list: each customer of the departing rep with its receiver,
        number, grade, group, stages of open opportunities, key contacts, open activities
        and pending claim requests."""
        self.ensure_one()
        self._check_draft()
        customers = self._sop_customers()
        receivers = self._sop_distribute(customers)
        leads = self._sop_leads()
        stages = defaultdict(list)
        for lead in leads.filtered(lambda lead: lead.type == "opportunity" and lead.active):
            stages[lead.partner_id.commercial_partner_id.id].append(lead.stage_id.name)
        activities = self._sop_activities(customers, leads)
        activity_count = defaultdict(int)
        for activity in activities.filtered(lambda a: a.res_model == "res.partner"):
            activity_count[activity.res_id] += 1
        pending = defaultdict(int)
        # sudo: the claim requests of other reps on these customers are part of the list
        for row in (
            self.env["sop.claim.request"]
            .sudo()
            ._read_group(
                [("partner_id", "in", customers.ids), ("state", "=", "pending")], ["partner_id"], ["__count"]
            )
        ):
            pending[row[0].id] = row[1]
        contacts = defaultdict(list)
        for contact in self.env["res.partner"].search([("parent_id", "in", customers.ids)]):
            contacts[contact.parent_id.id].append(
                " ".join(part for part in (contact.name, contact.email or contact.phone or "") if part)
            )
        self.line_ids.unlink()
        self.env["sop.handover.line"].create(
            [
                {
                    "handover_id": self.id,
                    "partner_id": customer.id,
                    "partner_name": customer.name,
                    "to_user_id": receivers[customer.id].id,
                    "sop_code": customer.sop_code,
                    "sop_grade": customer.sop_grade,
                    "sop_group_id": customer.sop_group_id.id,
                    "opportunity_stages": ", ".join(stages.get(customer.id, [])),
                    "key_contacts": "; ".join(contacts.get(customer.id, [])[:3]),
                    "open_activity_count": activity_count.get(customer.id, 0),
                    "pending_request_count": pending.get(customer.id, 0),
                }
                for customer in customers
            ]
        )
        self.write({"lead_count": len(leads), "activity_count": len(activities)})
        return True

    def action_confirm(self):
        """Move everything to the receivers of the previewed list; log each move as
        "handover" in the pool history; notify the receivers."""
        self.ensure_one()
        self._check_draft()
        if not self.line_ids:
            self.action_preview()
        from_user = self.from_user_id
        reason = self.env._("Handover of %(user)s", user=from_user.name)
        customers = self.line_ids.partner_id
        # recheck: the list may be stale (a customer released or reassigned since the preview)
        stale = customers.filtered(lambda p: p.user_id != from_user)
        if stale:
            raise UserError(
                self.env._(
                    "Customer %(name)s no longer belongs to %(user)s: preview the handover list again.",
                    name=stale[0].display_name,
                    user=from_user.name,
                )
            )
        leads = self._sop_leads()
        activities = self._sop_activities(customers, leads)
        target = {line.partner_id.id: line.to_user_id for line in self.line_ids}
        receivers = self.receiver_ids
        lead_target = {}
        for index, lead in enumerate(leads):
            owner = target.get(lead.partner_id.commercial_partner_id.id)
            lead_target[lead.id] = owner or receivers[index % len(receivers)]
        for receiver in receivers:
            partners = customers.filtered(lambda p, r=receiver: target[p.id] == r)
            moved_leads = leads.filtered(lambda lead, r=receiver: lead_target[lead.id] == r)
            if partners:
                partners._sop_move(receiver, "handover", reason=reason)
                # contacts follow their company; their salesperson field says so too
                partners.child_ids.filtered(lambda c: c.user_id == from_user).write({"user_id": receiver.id})
            if moved_leads:
                moved_leads.write({"user_id": receiver.id})
                self.env["sop.pool.history"]._log(
                    "handover", leads=moved_leads, from_user=from_user, to_user=receiver, reason=reason
                )
            for records in (partners, moved_leads):
                if records:
                    records.message_subscribe(partner_ids=receiver.partner_id.ids)
                    records.message_unsubscribe(partner_ids=from_user.partner_id.ids)
            by_record = {("res.partner", p.id) for p in partners} | {
                ("crm.lead", lead.id) for lead in moved_leads
            }
            activities.filtered(lambda a, keys=by_record: (a.res_model, a.res_id) in keys).write(
                {"user_id": receiver.id}
            )
        now = fields.Datetime.now()
        self.write({"state": "done", "date_done": now, "ack_deadline": self._sop_ack_deadline(now)})
        self._sop_notify_receivers()
        return True

    def action_acknowledge(self):
        """A receiver confirms they received the handover list (签收)."""
        for handover in self:
            if handover.state != "done" or self.env.user not in handover.receiver_ids:
                raise UserError(self.env._("Only a receiver of a completed handover can acknowledge it."))
            # sudo: receivers have no write right on the handover; only their acknowledgment
            # is recorded, and their to-do is closed
            handover.sudo().acknowledged_user_ids = [(4, self.env.uid)]
            handover.activity_ids.filtered(lambda a: a.user_id == self.env.user).sudo().action_feedback(
                feedback=self.env._("Handover list acknowledged.")
            )
        return True

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------

    def _check_draft(self):
        if self.state != "draft":
            raise UserError(self.env._("This handover is already done."))
        if not self.receiver_ids:
            raise UserError(self.env._("Choose at least one receiver."))
        if self.from_user_id in self.receiver_ids:
            raise UserError(self.env._("The departing salesperson cannot receive their own customers."))
        if not self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            raise UserError(self.env._("Only team managers run a handover."))
        self.env["res.partner"]._sop_check_team_manager(self.from_user_id | self.receiver_ids)

    def _sop_customers(self):
        return self.env["res.partner"].search(
            [("user_id", "=", self.from_user_id.id), ("sop_managed", "=", True)], order="id"
        )

    def _sop_leads(self):
        return (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search([("user_id", "=", self.from_user_id.id)], order="id")
        )

    def _sop_activities(self, customers, leads):
        domain = [
            ("user_id", "=", self.from_user_id.id),
            "|",
            "&",
            ("res_model", "=", "res.partner"),
            ("res_id", "in", customers.ids),
            "&",
            ("res_model", "=", "crm.lead"),
            ("res_id", "in", leads.ids),
        ]
        return self.env["mail.activity"].search(domain)

    def _sop_distribute(self, customers):
        """{customer id: receiver}, round-robin over the receivers that still have room
        in their private pool (capacity setting); refused when they cannot take them all."""
        Partner = self.env["res.partner"]
        capacity = Partner._sop_param("capacity")
        room = {receiver: capacity - Partner._sop_owned_count(receiver) for receiver in self.receiver_ids}
        if sum(max(free, 0) for free in room.values()) < len(customers):
            raise UserError(
                self.env._(
                    "The receivers have room for %(room)s customers in their private pools; "
                    "%(count)s are to be handed over. Add a receiver.",
                    room=sum(max(free, 0) for free in room.values()),
                    count=len(customers),
                )
            )
        receivers = list(self.receiver_ids)
        result, index = {}, 0
        for customer in customers:
            while room[receivers[index % len(receivers)]] <= 0:
                index += 1
            receiver = receivers[index % len(receivers)]
            result[customer.id] = receiver
            room[receiver] -= 1
            index += 1
        return result

    def _sop_ack_deadline(self, start):
        """End of the acknowledgment working days after `start`, in the company's working
        calendar (public holidays included); calendar days when it has none.

        :config: sales_lead_sop.handover_ack_working_days (3)
        """
        days = self.env["sop.settings"]._get_int("handover_ack_working_days")
        calendar = self.env.company.resource_calendar_id
        if not calendar or days <= 0:
            return start + timedelta(days=max(days, 0))
        tz = pytz.timezone(calendar.tz or "UTC")
        next_day = pytz.utc.localize(start).astimezone(tz).date() + timedelta(days=1)
        planned = calendar.plan_days(
            days, tz.localize(datetime.combine(next_day, time.min)), compute_leaves=True
        )
        if not planned:
            return start + timedelta(days=days)
        return planned.astimezone(pytz.utc).replace(tzinfo=None)

    def _sop_notify_receivers(self):
        self.message_subscribe(partner_ids=self.receiver_ids.partner_id.ids)
        self.message_post(
            body=self.env._(
                "%(count)s customers and %(leads)s leads of %(user)s were handed over to you. "
                "Check the handover list and acknowledge it.",
                count=len(self.line_ids),
                leads=self.lead_count,
                user=self.from_user_id.name,
            ),
            partner_ids=self.receiver_ids.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        for receiver in self.receiver_ids:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=receiver.id,
                summary=self.env._("Acknowledge the handover list"),
            )


class SopHandoverLine(models.Model):
    """One customer of a handover list, with what the receiver needs to take it over."""

    _name = "sop.handover.line"
    _description = "SOP Handover List Line"
    _order = "to_user_id, id"

    handover_id = fields.Many2one("sop.handover", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, ondelete="cascade")
    # kept as text: a receiver prints the whole list, customers of other receivers included
    partner_name = fields.Char(string="Customer Name")
    to_user_id = fields.Many2one("res.users", string="Receiver", required=True)
    sop_code = fields.Char(string="Customer Number")
    sop_grade = fields.Char(string="Grade")
    sop_group_id = fields.Many2one("sop.customer.group", string="Customer Group")
    opportunity_stages = fields.Char(string="Open Opportunities")
    key_contacts = fields.Char(string="Key Contacts")
    open_activity_count = fields.Integer(string="Open Activities")
    pending_request_count = fields.Integer(string="Pending Claim Requests")
