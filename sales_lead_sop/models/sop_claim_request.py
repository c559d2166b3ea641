import logging
import threading

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL, split_every

from ..tools.rpc_input import check_rpc_vals

_logger = logging.getLogger(__name__)

# Requests that still hold their customer: pending (support decides) or approved (the rep's
# window to take it is running).
LIVE_STATES = ("pending", "approved")


class SopClaimRequest(models.Model):
    """Apply to claim (申请挑入): a rep asks for a customer held by someone else, or for a
    company not yet in the CRM, with evidence; sales support approves or refuses.

    First come, first served [004 FAQ]: of the live requests for one customer (or one new
    company, matched by name key, phone or email), only the earliest may be approved.
    An approved request gives the rep a window of working days to take the customer
    (`action_take`: the customer moves then, logged once); after it the request lapses
    and the next request in line may be decided. A request for a new company reserves it
    for the requester while it is live: the duplicate check shows it as reserved and
    another rep cannot enter it."""

    _name = "sop.claim.request"
    _description = "SOP Claim Request"
    _inherit = ["mail.thread"]
    _order = "id desc"
    # a request names a customer held by someone else, on purpose; it copies nothing from it
    _sop_unchecked_partner_links = ("partner_id",)

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index=True,
        domain=[("sop_managed", "=", True)],
        ondelete="cascade",
        help="The customer asked for; empty when the company is not in the CRM yet.",
    )
    company_name = fields.Char(string="New Company Name", help="A company not yet in the CRM.")
    company_phone = fields.Char(string="New Company Phone")
    company_email = fields.Char(string="New Company Email")
    name_key = fields.Char(string="Name Key", readonly=True, index="btree_not_null")
    phone_key = fields.Char(string="Phone Key", readonly=True, index="btree_not_null")
    email_key = fields.Char(string="Email Key", readonly=True, index="btree_not_null")
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    owner_id = fields.Many2one(
        "res.users", string="Owner When Filed", readonly=True, help="Who held the customer when filed."
    )
    reason = fields.Text(string="Reason and Evidence", required=True)
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("approved", "Approved"),
            ("done", "Taken"),
            ("refused", "Refused"),
            ("lapsed", "Lapsed"),
        ],
        required=True,
        default="pending",
        readonly=True,
        tracking=True,
        index=True,
    )
    refuse_reason = fields.Text(string="Refusal Reason")
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    approved_date = fields.Datetime(readonly=True)
    take_deadline = fields.Datetime(
        string="Take Before",
        readonly=True,
        index="btree_not_null",
        help="End of the window in which the requester takes the approved customer.",
    )
    is_mine = fields.Boolean(compute="_compute_is_mine")
    subject = fields.Char(string="Customer or Company", compute="_compute_subject")
    first_in_line = fields.Boolean(
        compute="_compute_queue", help="No earlier live request for the same customer or company."
    )
    queue_label = fields.Char(string="Queue", compute="_compute_queue")

    _sql_constraints = [
        (
            "customer_or_company",
            "CHECK (partner_id IS NOT NULL OR company_name IS NOT NULL)",
            "A claim request names a customer or a new company.",
        )
    ]

    def _auto_init(self):
        res = super()._auto_init()
        # One pending request per customer and rep, also under concurrent submissions.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS sop_claim_request_pending_uniq"
            " ON sop_claim_request (partner_id, user_id) WHERE state = 'pending'"
        )
        return res

    def _compute_is_mine(self):
        for request in self:
            request.is_mine = request.user_id == self.env.user

    def _compute_subject(self):
        for request in self:
            # sudo: the name of the customer asked for is no private data (see display_name)
            request.subject = request.partner_id.sudo().display_name or request.company_name

    def _compute_queue(self):
        """First come, first served, as support sees it: the earliest live request of a customer
        (or new company) is first in line; the others wait behind it."""
        # sudo: the other reps' requests for the same customer make the queue
        Request = self.sudo()
        by_partner = {}
        partners = self.filtered("partner_id").partner_id
        if partners:
            live = Request.search([("partner_id", "in", partners.ids), *self._sop_live_domain()], order="id")
            for request in live.sorted(self._sop_queue_key):
                by_partner.setdefault(request.partner_id.id, request)
        for request in self:
            if request.partner_id:
                first = by_partner.get(request.partner_id.id, request)
            else:
                first = request.sudo()._sop_competitors()[:1] if request.id else request
            ahead = first if first.id != request.id else False
            request.first_in_line = not ahead
            if not ahead:
                request.queue_label = self.env._("First in line")
            elif ahead.state == "approved":
                request.queue_label = self.env._(
                    "Waiting: %(user)s's request was approved first", user=ahead.user_id.name
                )
            else:
                request.queue_label = self.env._(
                    "Waiting: %(user)s asked first, on %(date)s",
                    user=ahead.user_id.name,
                    date=fields.Datetime.to_string(ahead.create_date),
                )

    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "%(user)s asks for %(customer)s",
                user=request.user_id.name,
                # sudo: the requester cannot read a customer held by someone else; its name is
                # no private data (SOP §1) and says what the request is about
                customer=request.partner_id.sudo().display_name or request.company_name,
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_rpc_vals(self, vals)
            # A request is filed in the caller's name, pending and undecided, whatever the caller
            # sent or put in `default_*` context keys: only the decision methods below set these.
            vals.update(
                user_id=self.env.uid,
                state="pending",
                decided_by_id=False,
                refuse_reason=False,
                approved_date=False,
                take_deadline=False,
            )
            if vals.get("partner_id"):
                # sudo: a request is for a customer the rep cannot read (held by someone else);
                # only its SOP flag, owner and name are used by the checks below
                partner = self.env["res.partner"].sudo().browse(vals["partner_id"])
                self._check_can_request(partner)
                vals["owner_id"] = partner.user_id.id
                vals.update(company_name=False, company_phone=False, company_email=False)
            else:
                vals.update(self._sop_new_company_keys(vals))
        requests = super().create(vals_list)
        for request in requests.filtered("partner_id"):
            self.env["sop.pool.history"]._log(
                "request",
                partners=request.partner_id,
                from_user=request.owner_id,
                to_user=request.user_id,
                reason=self.env._("Claim request filed: %(reason)s", reason=request.reason),
            )
        return requests

    def write(self, vals):
        protected = {
            "state",
            "decided_by_id",
            "user_id",
            "owner_id",
            "partner_id",
            "approved_date",
            "take_deadline",
            "company_name",
            "company_phone",
            "company_email",
            "name_key",
            "phone_key",
            "email_key",
        }
        if protected & set(vals) and not self.env.su:
            raise UserError(self.env._("A claim request is decided with its Approve and Refuse buttons."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------------

    def _check_can_request(self, partner):
        if not partner.exists() or not partner.sop_managed:
            raise UserError(self.env._("Choose an SOP customer to request."))
        if not partner.user_id:
            raise UserError(
                self.env._(
                    "Customer %(name)s is in the public pool: claim it directly.", name=partner.display_name
                )
            )
        if partner.user_id == self.env.user:
            raise UserError(self.env._("Customer %(name)s is already yours.", name=partner.display_name))
        pending = self.sudo().search_count(
            [("partner_id", "=", partner.id), ("user_id", "=", self.env.uid), ("state", "in", LIVE_STATES)]
        )
        if pending:
            raise UserError(
                self.env._("You already have a pending request for %(name)s.", name=partner.display_name)
            )

    @api.model
    def _sop_new_company_keys(self, vals):
        """Keys of a new company named by a request: it must not be in the CRM already (a
        customer found there is claimed or requested as such), nor requested by the caller."""
        name = (vals.get("company_name") or "").strip()
        if not name:
            raise UserError(self.env._("Name the customer, or the new company with its name."))
        Partner = self.env["res.partner"]
        keys = Partner._sop_keys_from_vals(
            {"name": name, "phone": vals.get("company_phone"), "email": vals.get("company_email")}
        )
        values = {
            "company_name": name,
            "name_key": keys["name"] or False,
            "phone_key": next((v for (kind, v) in keys["exact"] if kind == "phone"), False),
            "email_key": next((v for (kind, v) in keys["exact"] if kind == "email"), False),
        }
        exact = {
            key: kind for key, kind in keys["exact"].items() if kind in ("phone", "email", "email_domain")
        }
        matches = Partner._sop_search_duplicates({"name": keys["name"], "exact": exact, "kinds": {"name"}})
        strong = [row for row in matches if row.match in ("name", "phone", "email")]
        if strong:
            raise UserError(
                self.env._(
                    "%(name)s is already in the CRM: run the duplicate check, then claim it or apply "
                    "to claim that customer.",
                    name=name,
                )
            )
        mine = self.sudo()._sop_live_for_keys(values).filtered(lambda r: r.user_id == self.env.user)
        if mine:
            raise UserError(self.env._("You already have a pending request for %(name)s.", name=name))
        return values

    def _check_support(self):
        if not self.env.user.has_group("sales_lead_sop.group_sop_support"):
            raise UserError(self.env._("Only sales support decides on claim requests."))
        for request in self:
            if request.state != "pending":
                raise UserError(self.env._("This request has already been decided."))

    # ------------------------------------------------------------------
    # FIRST COME, FIRST SERVED
    # ------------------------------------------------------------------

    @api.model
    def _sop_live_for_keys(self, keys):
        """Live requests for a new company matching any of `keys` (name_key, phone_key,
        email_key), over their indexes."""
        domain = [
            [(field, "in" if isinstance(keys[field], list) else "=", keys[field])]
            for field in ("name_key", "phone_key", "email_key")
            if keys.get(field)
        ]
        if not domain:
            return self.browse()
        return self.search(
            [("partner_id", "=", False), *self._sop_live_domain(), *expression.OR(domain)], order="id"
        )

    @api.model
    def _sop_live_domain(self):
        """Pending requests, and approved ones whose window has not ended (the lapse cron may
        not have run yet: an ended window holds nothing)."""
        return [
            ("state", "in", LIVE_STATES),
            "|",
            ("state", "=", "pending"),
            ("take_deadline", ">=", fields.Datetime.now()),
        ]

    def _sop_competitors(self):
        """The live requests for the same customer (or new company) as this one, itself
        included, oldest first."""
        self.ensure_one()
        if self.partner_id:
            live = self.search([("partner_id", "=", self.partner_id.id), *self._sop_live_domain()])
        else:
            live = self._sop_live_for_keys({f: self[f] for f in ("name_key", "phone_key", "email_key")})
        return (live | self).sorted(self._sop_queue_key)

    @api.model
    def _sop_queue_key(self, request):
        """Order of a queue: an approved request holds the customer, then the earliest filed."""
        return (request.state != "approved", request.create_date or fields.Datetime.now(), request.id)

    def _sop_lock_line(self):
        """Lock the queue of this request (its competitors and itself) until commit.

        A lock alone is not enough under REPEATABLE READ (the waiting transaction keeps its old
        snapshot), but a decision always rewrites its own request, which is in every competitor's
        queue: the second of two concurrent decisions then fails to lock a row changed since its
        snapshot (a serialization failure), and Odoo retries it, seeing the first decision.

        :return: the competitors, oldest first, read after the lock
        """
        competitors = self.sudo()._sop_competitors()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM sop_claim_request WHERE id IN %s ORDER BY id FOR UPDATE",
                tuple(competitors.ids),
            )
        )
        competitors.invalidate_recordset()
        return competitors.filtered_domain(self._sop_live_domain()).sorted(self._sop_queue_key)

    def _sop_check_first_in_line(self, competitors):
        self.ensure_one()
        first = competitors[:1]
        if not first or first == self:
            return
        if first.state == "approved":
            raise UserError(
                self.env._(
                    "The request of %(user)s for %(customer)s was approved first; it can be taken "
                    "until %(deadline)s. Refuse this one, or decide it once that request has lapsed.",
                    user=first.user_id.name,
                    customer=first.partner_id.sudo().display_name or first.company_name,
                    deadline=fields.Datetime.to_string(first.take_deadline),
                )
            )
        raise UserError(
            self.env._(
                "First come, first served: the request of %(user)s, filed on %(date)s, came first "
                "and is still pending. Decide it before this one.",
                user=first.user_id.name,
                date=fields.Datetime.to_string(first.create_date),
            )
        )

    @api.model
    def _sop_take_deadline(self, start):
        """End of the window to take an approved customer: `claim_take_working_days` working
        days after the day of `start` (that day not counted, as "回复次日起" says), in the
        company's working calendar, public holidays included.

        :config: sales_lead_sop.claim_take_working_days (2)
        """
        days = self.env["sop.settings"]._get_int("claim_take_working_days")
        # the working-day rule of the SOP lives on leads (company calendar, holidays)
        return (
            self.env["crm.lead"].new({"company_id": self.env.company.id})._sop_add_working_days(start, days)
        )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_approve(self):
        """Support approves the earliest live request of its customer (first come, first
        served): the requester may take the customer within the take window; nothing moves
        yet. Approving a later request while an earlier one is live is refused.

        :config: sales_lead_sop.claim_take_working_days (2)
        """
        self._check_support()
        for request in self:
            competitors = request._sop_lock_line()
            if request not in competitors:
                raise UserError(self.env._("This request has already been decided."))
            request._sop_check_first_in_line(competitors)
            now = fields.Datetime.now()
            deadline = self._sop_take_deadline(now)
            # sudo: the decision fields are written only here, after _check_support
            request.sudo().write(
                {
                    "state": "approved",
                    "decided_by_id": self.env.uid,
                    "approved_date": now,
                    "take_deadline": deadline,
                }
            )
            request._notify_reps(
                self.env["res.users"],
                self.env._(
                    "Claim request approved: take %(customer)s before %(deadline)s, or the approval lapses.",
                    customer=request.partner_id.sudo().display_name or request.company_name,
                    deadline=fields.Datetime.to_string(deadline),
                ),
            )
        return True

    def action_take(self):
        """The requester takes the customer of an approved request within its window: the
        customer moves to them (whatever its owner's capacity rules: support decided), logged
        once. For a new company, the requester enters it (`action_enter_company`).

        :return: an action opening the customer
        """
        self.ensure_one()
        if self.user_id != self.env.user:
            raise UserError(self.env._("Only the requester takes an approved customer."))
        if not self.partner_id:
            return self.action_enter_company()
        self._sop_lock_line()
        if self.state != "approved":
            raise UserError(self.env._("Only an approved request can be taken; this one is not (any more)."))
        if self.take_deadline < fields.Datetime.now():
            raise UserError(
                self.env._(
                    "The approval lapsed on %(deadline)s.",
                    deadline=fields.Datetime.to_string(self.take_deadline),
                )
            )
        # sudo: the requester cannot write a customer held by someone else; support approved the move
        partner = self.partner_id.sudo()
        former = partner.user_id
        if former != self.user_id:
            partner._sop_move(
                self.user_id,
                "assign",
                reason=self.env._("Claim request approved: %(reason)s", reason=self.reason),
            )
        self.sudo().write({"state": "done"})  # sudo: the state is written only by these actions
        self._notify_reps(
            former,
            self.env._(
                "Claim request approved: %(customer)s now belongs to %(user)s.",
                customer=partner.display_name,
                user=self.user_id.name,
            ),
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_enter_company(self):
        """Open a new customer form with the reserved company's name, phone and email; saving it
        (within the window) closes the request as taken (see res_partner_claim_reservation)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_name": self.company_name,
                "default_phone": self.company_phone,
                "default_email": self.company_email,
                "default_is_company": True,
                "default_sop_managed": True,
            },
        }

    def action_refuse(self, reason=False):
        """Support refuses; `reason` (or the refusal reason already filled in) goes back to the rep.
        A pending request or an approved one not yet taken may be refused."""
        if not self.env.user.has_group("sales_lead_sop.group_sop_support"):
            raise UserError(self.env._("Only sales support decides on claim requests."))
        for request in self:
            request._sop_lock_line()
            if request.state not in LIVE_STATES:
                raise UserError(self.env._("This request has already been decided."))
            refusal = reason.replace("\x00", "") if isinstance(reason, str) else ""
            refusal = (refusal or request.refuse_reason or "").strip()
            if not refusal:
                raise UserError(self.env._("Say why the request is refused."))
            # sudo: the decision fields are written only here, after the support check
            request.sudo().write(
                {"state": "refused", "refuse_reason": refusal, "decided_by_id": self.env.uid}
            )
            request._notify_reps(
                self.env["res.users"],
                self.env._(
                    "Claim request for %(customer)s refused: %(reason)s",
                    customer=request.partner_id.sudo().display_name or request.company_name,
                    reason=refusal,
                ),
            )
        return True

    def _notify_reps(self, other, body):
        partners = (self.user_id | other).partner_id
        # sudo: the requester or support posts the decision on a request they may not follow
        self.sudo().message_post(body=body, partner_ids=partners.ids, subtype_xmlid="mail.mt_comment")

    # ------------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------------

    @api.model
    def _cron_sop_lapse_claims(self):
        """Scheduled action: approved requests whose take window has ended lapse (the rep is
        told), so the next request in line may be decided. Batched, committed per batch outside
        tests, re-runnable (lapsed requests leave the domain).

        :config: sales_lead_sop.claim_lapse_batch (500)
        :return: the number of requests lapsed
        """
        batch = self.env["sop.settings"]._get_int("claim_lapse_batch")
        domain = [("state", "=", "approved"), ("take_deadline", "<", fields.Datetime.now())]
        ids = self.search(domain, limit=batch * 10, order="take_deadline").ids
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        done = 0
        for chunk in split_every(batch, ids, self.browse):
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM sop_claim_request WHERE id IN %s AND state = 'approved'"
                    " FOR UPDATE SKIP LOCKED",
                    tuple(chunk.ids),
                )
            )
            locked = self.browse(row[0] for row in self.env.cr.fetchall())
            locked.write({"state": "lapsed"})
            for request in locked:
                request._notify_reps(
                    self.env["res.users"],
                    self.env._(
                        "Your approved claim of %(customer)s lapsed: it was not taken before %(deadline)s.",
                        customer=request.partner_id.display_name or request.company_name,
                        deadline=fields.Datetime.to_string(request.take_deadline),
                    ),
                )
            done += len(locked)
            if auto_commit:
                self.env["ir.cron"]._notify_progress(done=done, remaining=len(ids) - done)
                # keep each batch: a later failure must not undo it
                self.env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("sales_lead_sop: %s approved claim requests lapsed", done)
        return done
