from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.rpc_input import check_rpc_vals


class SopClaimRequest(models.Model):
    """Apply to claim (申请挑入): a rep asks for a customer held by someone else, with
    evidence; sales support approves (ownership moves) or refuses (reason sent back)."""

    _name = "sop.claim.request"
    _description = "SOP Claim Request"
    _inherit = ["mail.thread"]
    _order = "id desc"
    # a request names a customer held by someone else, on purpose; it copies nothing from it
    _sop_unchecked_partner_links = ("partner_id",)

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        domain=[("sop_managed", "=", True)],
        ondelete="cascade",
    )
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
        [("pending", "Pending"), ("approved", "Approved"), ("refused", "Refused")],
        required=True,
        default="pending",
        readonly=True,
        tracking=True,
    )
    refuse_reason = fields.Text(string="Refusal Reason")
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)

    def _auto_init(self):
        res = super()._auto_init()
        # One pending request per customer and rep, also under concurrent submissions.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS sop_claim_request_pending_uniq"
            " ON sop_claim_request (partner_id, user_id) WHERE state = 'pending'"
        )
        return res

    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "%(user)s asks for %(customer)s",
                user=request.user_id.name,
                # sudo: the requester cannot read a customer held by someone else; its name is
                # no private data (SOP §1) and says what the request is about
                customer=request.partner_id.sudo().display_name,
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_rpc_vals(self, vals)
            # A request is always filed in the caller's name.
            # A request is filed pending and undecided, whatever the caller sent or put in
            # `default_*` context keys: only the decision methods below set these.
            vals.update(user_id=self.env.uid, state="pending", decided_by_id=False, refuse_reason=False)
            # sudo: a request is for a customer the rep cannot read (held by someone else);
            # only its SOP flag, owner and name are used by the checks below
            partner = self.env["res.partner"].sudo().browse(vals.get("partner_id"))
            self._check_can_request(partner)
            vals["owner_id"] = partner.sudo().user_id.id  # sudo: the owner's user may be unreadable
        requests = super().create(vals_list)
        for request in requests:
            self.env["sop.pool.history"]._log(
                "request",
                partners=request.partner_id,
                from_user=request.owner_id,
                to_user=request.user_id,
                reason=self.env._("Claim request filed: %(reason)s", reason=request.reason),
            )
        return requests

    def write(self, vals):
        if {"state", "decided_by_id", "user_id", "owner_id", "partner_id"} & set(vals) and not self.env.su:
            raise UserError(self.env._("A claim request is decided with its Approve and Refuse buttons."))
        return super().write(vals)

    def _check_can_request(self, partner):
        if not partner.exists() or not partner.sop_managed:
            raise UserError(self.env._("Choose an SOP customer to request."))
        if not partner.sudo().user_id:
            raise UserError(
                self.env._(
                    "Customer %(name)s is in the public pool: claim it directly.", name=partner.display_name
                )
            )
        if partner.sudo().user_id == self.env.user:
            raise UserError(self.env._("Customer %(name)s is already yours.", name=partner.display_name))
        pending = self.sudo().search_count(
            [("partner_id", "=", partner.id), ("user_id", "=", self.env.uid), ("state", "=", "pending")]
        )
        if pending:
            raise UserError(
                self.env._("You already have a pending request for %(name)s.", name=partner.display_name)
            )

    def _check_support(self):
        if not self.env.user.has_group("sales_lead_sop.group_sop_support"):
            raise UserError(self.env._("Only sales support decides on claim requests."))
        for request in self:
            if request.state != "pending":
                raise UserError(self.env._("This request has already been decided."))

    def action_approve(self):
        """Support approves: the customer moves to the requester, whatever its owner's capacity
        rules (support decides), and both reps are notified."""
        self._check_support()
        for request in self:
            partner = request.partner_id
            former = partner.user_id
            partner._sop_move(
                request.user_id,
                "assign",
                reason=self.env._("Claim request approved: %(reason)s", reason=request.reason),
            )
            # sudo: the decision fields are written only here, after _check_support
            request.sudo().write({"state": "approved", "decided_by_id": self.env.uid})
            request._notify_reps(
                former,
                self.env._(
                    "Claim request approved: %(customer)s now belongs to %(user)s.",
                    customer=partner.display_name,
                    user=request.user_id.name,
                ),
            )
        return True

    def action_refuse(self, reason=False):
        """Support refuses; `reason` (or the refusal reason already filled in) goes back to the rep."""
        self._check_support()
        for request in self:
            refusal = reason.replace("\x00", "") if isinstance(reason, str) else ""
            refusal = (refusal or request.refuse_reason or "").strip()
            if not refusal:
                raise UserError(self.env._("Say why the request is refused."))
            # sudo: the decision fields are written only here, after _check_support
            request.sudo().write(
                {"state": "refused", "refuse_reason": refusal, "decided_by_id": self.env.uid}
            )
            request._notify_reps(
                self.env["res.users"],
                self.env._(
                    "Claim request for %(customer)s refused: %(reason)s",
                    customer=request.partner_id.display_name,
                    reason=refusal,
                ),
            )
        return True

    def _notify_reps(self, other, body):
        partners = (self.user_id | other).partner_id
        self.message_post(body=body, partner_ids=partners.ids, subtype_xmlid="mail.mt_comment")
