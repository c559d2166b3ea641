from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner_duplicate import MATCH_KINDS

MATCHES = [
    ("name", "Same Company Name"),
    ("phone", "Same Phone"),
    ("email", "Same Email"),
    ("email_domain", "Same Email Domain"),
    ("website", "Same Website"),
    ("similar_name", "Similar Company Name"),
    ("keyword", "Trade Name Contains Keyword"),
]
STATUSES = [
    ("mine", "Mine"),
    ("public", "Public Pool"),
    ("owned", "Owned by Another Rep"),
    ("reserved", "Reserved by a Claim Request"),
]


class SopDuplicateCheck(models.TransientModel):
    """Check before entry (撞单查询): a rep types what they know of a company and sees who
    already has it, without creating anything; from a match they claim a public customer
    or apply to claim another rep's."""

    _name = "sop.duplicate.check"
    _description = "SOP Check Before Entry"

    name = fields.Char(string="Company Name")
    keyword = fields.Char(
        string="Trade Name Keyword",
        help="A part of the trade name (字号), e.g. 日东 or Topway: lists the customers whose company-name "
        "key contains it, at least two characters.",
    )
    phone = fields.Char()
    mobile = fields.Char()
    fax = fields.Char()
    email = fields.Char()
    website = fields.Char()
    country_id = fields.Many2one(
        "res.country",
        string="Country",
        default=lambda self: self.env["res.partner"]._sop_phone_country(),
        help="Reads phone numbers written without the +country prefix.",
    )
    claim_reason = fields.Text(
        string="Reason for the Claim Request",
        help="Why the customer should be yours (evidence for sales support), needed to apply to claim.",
    )
    line_ids = fields.One2many("sop.duplicate.check.line", "check_id", string="Matches", readonly=True)
    checked = fields.Boolean(readonly=True)
    needs_country = fields.Boolean(
        readonly=True, help="A phone is written without +country and no country is known to read it."
    )
    can_request = fields.Boolean(compute="_compute_can_request")

    def _compute_can_request(self):
        # Claim requests belong to the pools feature; without it there is no "apply" button.
        for check in self:
            check.can_request = "sop.claim.request" in self.env

    def action_check(self):
        """Run `res.partner.sop_find_duplicates` on the typed values and list the matches."""
        self.ensure_one()
        fields_read = ("name", "keyword", "phone", "mobile", "fax", "email", "website")
        vals = {name: self[name] for name in fields_read if self[name]}
        if not vals:
            raise UserError(
                self.env._(
                    "Type a company name, a trade name keyword, a phone, an email or a website to check."
                )
            )
        vals["country_id"] = self.country_id.id
        Partner = self.env["res.partner"]
        Partner.sop_find_duplicates({})  # access check: salespeople only
        self.line_ids.unlink()
        if Partner._sop_phone_country_missing(vals):
            # Ask rather than compare digits that no saved phone can have.
            self.write({"needs_country": True, "checked": False})
            return self._reopen()
        matches = Partner._sop_search_duplicates(Partner._sop_keys_from_vals(vals))
        if self.keyword:
            matches += Partner._sop_search_keyword(Partner._sop_fold_keyword(self.keyword))
        rows = Partner._sop_describe_matches(matches, self.env.user)
        rows += Partner._sop_reservation_rows(Partner._sop_keys_from_vals(vals))
        self.write(
            {
                "checked": True,
                "needs_country": False,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "match": row["match"],
                            "status": row["status"],
                            "owner": row["owner"],
                            "since": row["since"],
                            "partner_id": row["partner_id"],
                            "customer_name": row["name"],
                            "similarity": row["similarity"] * 100,
                            "partner_ref_id": row["_id"],
                        },
                    )
                    for row in rows
                ],
            }
        )
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": self.env._("Check Before Entry"),
        }


class SopDuplicateCheckLine(models.TransientModel):
    """One match of the check before entry: its kind, status and owner only."""

    _name = "sop.duplicate.check.line"
    _description = "SOP Check Before Entry Match"
    _order = "sequence, id"

    check_id = fields.Many2one("sop.duplicate.check", required=True, ondelete="cascade")
    sequence = fields.Integer(compute="_compute_sequence", store=True)
    match = fields.Selection(MATCHES, readonly=True)
    status = fields.Selection(STATUSES, readonly=True)
    owner = fields.Char(readonly=True)
    since = fields.Date(string="Owner Since", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    customer_name = fields.Char(string="Customer Name", readonly=True)
    similarity = fields.Float(string="Similarity (%)", digits=(3, 0), readonly=True)
    # The matched customer, for the buttons only: hidden from reps, who must not learn the id
    # of another rep's customer.
    partner_ref_id = fields.Many2one(
        "res.partner", string="Matched Customer", groups="base.group_system", readonly=True
    )

    @api.depends("match")
    def _compute_sequence(self):
        for line in self:
            line.sequence = MATCH_KINDS.index(line.match) if line.match in MATCH_KINDS else 99

    def _matched_customer(self):
        self.ensure_one()
        # sudo: reads the hidden reference; the action itself then runs as the rep
        return self.env["res.partner"].browse(self.sudo().partner_ref_id.id)

    def action_claim(self):
        """Claim the public customer of this match (pools feature), then open it."""
        self.ensure_one()
        if self.status != "public":
            raise UserError(self.env._("Only a customer of the public pool can be claimed."))
        customer = self._matched_customer()
        if not hasattr(customer, "sop_claim"):
            raise UserError(self.env._("Claiming from the public pool is not available."))
        customer.sop_claim()
        self.status = "mine"
        return customer._sop_claim_notification(
            {
                "type": "ir.actions.act_window",
                "res_model": "res.partner",
                "res_id": customer.id,
                "views": [(False, "form")],
                "target": "current",
            }
        )

    def action_apply(self):
        """File a claim request (申请挑入) for another rep's customer, with the check's reason."""
        self.ensure_one()
        if self.status != "owned":
            raise UserError(self.env._("Only a customer owned by another rep needs a claim request."))
        if "sop.claim.request" not in self.env:
            raise UserError(self.env._("Claim requests are not available."))
        reason = (self.check_id.claim_reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the customer should be yours before applying to claim it."))
        self.env["sop.claim.request"].create({"partner_id": self._matched_customer().id, "reason": reason})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Your claim request was sent to sales support."),
                "next": self.check_id._reopen(),
            },
        }

    def action_open(self):
        """Open the rep's own customer (or a readable one) instead of entering it again."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(self.env._("You cannot open this customer."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
            "target": "current",
        }
