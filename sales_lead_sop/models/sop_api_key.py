import hashlib
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class SopApiKey(models.Model):
    """API key of the lead capture endpoint (/sop/api/lead), created by an admin. Only a
    SHA-256 hash is stored; the key itself is shown once, at generation."""

    _name = "sop.api.key"
    _description = "SOP Lead API Key"

    name = fields.Char(required=True, help="Who uses the key, e.g. 'Website form'.")
    active = fields.Boolean(default=True)
    key_hash = fields.Char(readonly=True, index=True, copy=False, groups="base.group_system")
    key_prefix = fields.Char(string="Key Starts With", readonly=True, copy=False)
    source_id = fields.Many2one(
        "utm.source", string="Source", required=True, help="Source of the leads it creates."
    )
    team_id = fields.Many2one("crm.team", string="Sales Team")
    rate_limit = fields.Integer(string="Requests per Minute", default=60)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    new_key = fields.Char(string="New Key", readonly=True, copy=False, store=False)

    @staticmethod
    def _hash(key):
        return hashlib.sha256(key.encode()).hexdigest()

    def action_generate_key(self):
        """Generate a new key (the previous one stops working) and show it once."""
        self.ensure_one()
        if not self.env.user.has_group("base.group_system"):
            raise UserError(self.env._("Only an administrator may generate API keys."))
        key = secrets.token_urlsafe(32)
        self.write({"key_hash": self._hash(key), "key_prefix": key[:6]})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Copy the key now: it is shown only once."),
                "message": key,
                "sticky": True,
            },
        }

    @api.model
    def _sop_authenticate(self, key):
        """The active key record matching `key`, or an empty set."""
        if not key:
            return self.browse()
        return self.search([("key_hash", "=", self._hash(key))], limit=1)

    def _sop_rate_exceeded(self):
        """True when this key already made `rate_limit` requests in the last minute."""
        self.ensure_one()
        since = fields.Datetime.now() - timedelta(minutes=1)
        count = self.env["sop.api.request"].search_count(
            [("key_id", "=", self.id), ("create_date", ">=", since)]
        )
        return bool(self.rate_limit) and count >= self.rate_limit


class SopApiRequest(models.Model):
    """One accepted request of the lead API: rate limiting and idempotency."""

    _name = "sop.api.request"
    _description = "SOP Lead API Request"

    key_id = fields.Many2one("sop.api.key", required=True, index=True, ondelete="cascade")
    idempotency_key = fields.Char(index="btree_not_null")
    lead_id = fields.Many2one("crm.lead", ondelete="set null")

    _sql_constraints = [
        (
            "idempotency_uniq",
            "unique(key_id, idempotency_key)",
            "An idempotency key is used once per API key.",
        ),
    ]
