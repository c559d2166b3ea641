import json

from psycopg2.errors import UniqueViolation

from odoo import SUPERUSER_ID, http
from odoo.http import request

# Fields a caller may send, with their type; anything else is refused (400).
LEAD_FIELDS = {
    "name": str,
    "contact_name": str,
    "partner_name": str,
    "email_from": str,
    "phone": str,
    "description": str,
    "country_code": str,
    "campaign": str,
    "idempotency_key": str,
}
REQUIRED = ("name",)


class SopLeadApi(http.Controller):
    """Lead capture endpoint for web forms and connectors (JSON POST, API key)."""

    def _answer(self, status, **payload):
        return request.make_json_response(payload, status=status)

    def _body_error(self, data):
        """Why the decoded JSON body cannot make a lead, or None."""
        if not isinstance(data, dict):
            return "The body must be a JSON object."
        unknown = sorted(set(data) - set(LEAD_FIELDS))
        if unknown:
            return "Unknown fields: " + ", ".join(unknown)
        wrong = sorted(
            f for f, value in data.items() if value is not None and not isinstance(value, LEAD_FIELDS[f])
        )
        if wrong:
            return "Fields must be text: " + ", ".join(wrong)
        if any("\x00" in value for value in data.values() if isinstance(value, str)):
            return "Text must not contain NUL characters."
        missing = [f for f in REQUIRED if not (data.get(f) or "").strip()]
        if missing:
            return "Missing required fields: " + ", ".join(missing)
        return None

    @http.route(
        "/sop/api/lead",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def create_lead(self, **kwargs):
        """Create one lead. Header ``Authorization: Bearer <key>`` (or ``X-Api-Key``).
        Body: a JSON object with ``name`` (required) and any of LEAD_FIELDS. Answers 201 with
        the lead id, 200 with the same id for a repeated ``idempotency_key`` (also accepted as
        the ``Idempotency-Key`` header), 409 while another request with the same key is being
        processed (retry it), else 400/401/413/415/429 with an ``error`` text.

        :config: sales_lead_sop.api_max_body_kb (64)
        """
        # auth='none': no session user; the API key checked below is the identity, the gateway
        # writes as superuser like the mail gateway does
        request.update_env(user=SUPERUSER_ID)
        env = request.env
        auth = request.httprequest.headers.get("Authorization", "")
        key = auth[7:].strip() if auth.startswith("Bearer ") else request.httprequest.headers.get("X-Api-Key")
        api_key = env["sop.api.key"]._sop_authenticate(key)
        if not api_key:
            return self._answer(401, error="Unknown or missing API key.")
        max_kb = env["crm.lead"]._sop_param("api_max_body_kb")
        raw = request.httprequest.get_data()
        if len(raw) > max_kb * 1024:
            return self._answer(413, error=f"Body larger than {max_kb} KB.")
        if "json" not in (request.httprequest.mimetype or ""):
            return self._answer(415, error="Send a JSON body (Content-Type: application/json).")
        try:
            data = json.loads(raw or b"null")
        except (ValueError, RecursionError):  # RecursionError: nested deeper than Python parses
            return self._answer(400, error="The body is not valid JSON.")
        error = self._body_error(data)
        if error:
            return self._answer(400, error=error)
        idem = request.httprequest.headers.get("Idempotency-Key") or data.pop("idempotency_key", None)
        data.pop("idempotency_key", None)
        Request = env["sop.api.request"]
        if idem:
            previous = Request.search([("key_id", "=", api_key.id), ("idempotency_key", "=", idem)], limit=1)
            if previous:
                return self._answer(200, id=previous.lead_id.id, duplicate=True)
        if api_key._sop_rate_exceeded():
            return self._answer(429, error="Too many requests; retry in a minute.")
        vals = {k: v for k, v in data.items() if k not in ("country_code", "campaign") and v is not None}
        vals.update({"type": "lead", "source_id": api_key.source_id.id, "company_id": api_key.company_id.id})
        if api_key.team_id:
            vals["team_id"] = api_key.team_id.id
        if data.get("country_code"):
            code = data["country_code"].strip().upper()
            country = env["res.country"].search([("code", "=", code)], limit=1) if code.isalpha() else None
            if not country:
                return self._answer(400, error="Unknown country_code.")
            vals["country_id"] = country.id
        if data.get("campaign"):
            campaign = env["utm.campaign"].search([("name", "=", data["campaign"])], limit=1)
            vals["campaign_id"] = campaign.id or False
        try:
            with env.cr.savepoint():
                lead = env["crm.lead"].with_context(default_user_id=False).create(vals)
                Request.create({"key_id": api_key.id, "idempotency_key": idem or False, "lead_id": lead.id})
                env.flush_all()
        except UniqueViolation:
            # the same key arrived twice at once: the other request makes the lead (RFC draft
            # "The Idempotency-Key HTTP Header Field": 409 for a request still being processed)
            return self._answer(
                409, error="A request with this Idempotency-Key is being processed; retry it."
            )
        return self._answer(201, id=lead.id)
