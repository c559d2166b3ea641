import json

from odoo.tests import HttpCase, tagged

from .common import SopCommon

ALIAS_EMAIL = """Return-Path: <buyer@acme.example.com>
From: Bob Buyer <buyer@acme.example.com>
To: sop-alibaba@company.example.com
Subject: Inquiry about LED panels
Message-ID: <alibaba-inquiry-1@acme.example.com>
Date: Mon, 02 Mar 2026 09:00:00 +0000
Content-Type: text/plain; charset=utf-8

Please quote 500 LED panels, delivery to Hamburg.
"""


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestAliasCapture(SopCommon):
    """A mail alias per channel creates leads carrying the channel as source."""

    def test_email_to_alibaba_alias_creates_lead_with_source(self):
        self.env["mail.thread"].sudo().message_process(None, ALIAS_EMAIL)
        lead = self.env["crm.lead"].search([("name", "=", "Inquiry about LED panels")])
        self.assertEqual(len(lead), 1)
        self.assertEqual(lead.source_id, self.source_alibaba)
        self.assertEqual(lead.type, "lead")
        self.assertEqual(lead.email_from, '"Bob Buyer" <buyer@acme.example.com>')
        self.assertEqual(lead.contact_name, "Bob Buyer")
        self.assertIn("500 LED panels", str(lead.description))
        self.assertIn("500 LED panels", str(lead.message_ids[-1].body))
        self.assertFalse(lead.user_id)
        self.assertTrue(lead.sop_deadline, "an Alibaba inquiry gets its processing deadline")

    def test_website_alias_sets_website_source(self):
        email = ALIAS_EMAIL.replace("sop-alibaba@", "sop-website@").replace("alibaba-inquiry-1", "web-1")
        self.env["mail.thread"].sudo().message_process(
            None, email.replace("Inquiry about", "Web inquiry about")
        )
        lead = self.env["crm.lead"].search([("name", "=", "Web inquiry about LED panels")])
        self.assertEqual(lead.source_id, self.env.ref("sales_lead_sop.utm_source_website"))


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadApi(HttpCase):
    """The JSON lead endpoint: API key, validation, size, idempotency, rate limit."""

    def setUp(self):
        super().setUp()
        self.source = self.env.ref("sales_lead_sop.utm_source_website")
        self.api_key = self.env["sop.api.key"].create(
            {"name": "Web form", "source_id": self.source.id, "rate_limit": 5}
        )
        action = self.api_key.action_generate_key()
        self.key = action["params"]["message"]

    def _post(self, payload, key=None, headers=None, raw=None):
        all_headers = {"Content-Type": "application/json", "Authorization": f"Bearer {key or self.key}"}
        all_headers.update(headers or {})
        body = raw if raw is not None else json.dumps(payload)
        return self.url_open("/sop/api/lead", data=body, headers=all_headers)

    def _count(self):
        return self.env["crm.lead"].search_count([("source_id", "=", self.source.id)])

    def test_happy_path_creates_lead_with_source(self):
        response = self._post(
            {"name": "Web: 200 panels", "email_from": "ann@shop.example.com", "country_code": "DE"}
        )
        self.assertEqual(response.status_code, 201, response.text)
        lead = self.env["crm.lead"].browse(response.json()["id"])
        self.assertEqual(lead.name, "Web: 200 panels")
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.country_id, self.env.ref("base.de"))
        self.assertEqual(lead.type, "lead")

    def test_key_is_stored_hashed(self):
        self.assertNotEqual(self.api_key.sudo().key_hash, self.key)
        self.assertEqual(len(self.api_key.sudo().key_hash), 64)
        self.assertTrue(self.key.startswith(self.api_key.key_prefix))

    def test_bad_inputs_create_nothing(self):
        before = self._count()
        cases = [
            ({"email_from": "x@y.example.com"}, None, None, None, 400, "Missing required fields: name"),
            ({"name": 42}, None, None, None, 400, "must be text: name"),
            ({"name": "x", "budget": "1"}, None, None, None, 400, "Unknown fields: budget"),
            ({"name": "x", "country_code": "ZZ"}, None, None, None, 400, "Unknown country_code"),
            (None, None, None, "{not json", 400, "not valid JSON"),
            (None, None, None, "[1, 2]", 400, "JSON object"),
            ({"name": "x"}, "wrong-key", None, None, 401, "API key"),
            ({"name": "x"}, None, {"Content-Type": "text/plain"}, None, 415, "JSON body"),
            ({"name": "x" * 70000}, None, None, None, 413, "larger than 64 KB"),
        ]
        for payload, key, headers, raw, status, message in cases:
            response = self._post(payload, key=key, headers=headers, raw=raw)
            self.assertEqual(response.status_code, status, (payload, raw, response.text))
            self.assertIn(message, response.json()["error"])
        self.assertEqual(self._count(), before)

    def test_unknown_key_and_archived_key_refused(self):
        self.api_key.active = False
        response = self._post({"name": "x"})
        self.assertEqual(response.status_code, 401)

    def test_idempotency_key_returns_the_same_lead(self):
        first = self._post({"name": "Same inquiry", "idempotency_key": "inq-42"})
        second = self._post({"name": "Same inquiry", "idempotency_key": "inq-42"})
        third = self._post({"name": "Same inquiry"}, headers={"Idempotency-Key": "inq-42"})
        self.assertEqual(first.status_code, 201)
        self.assertEqual(second.status_code, 200)
        self.assertTrue(second.json()["duplicate"])
        self.assertEqual(second.json()["id"], first.json()["id"])
        self.assertEqual(third.json()["id"], first.json()["id"])
        self.assertEqual(self.env["crm.lead"].search_count([("name", "=", "Same inquiry")]), 1)

    def test_rate_limit(self):
        for n in range(5):
            self.assertEqual(self._post({"name": f"Rate {n}"}).status_code, 201)
        response = self._post({"name": "Rate 6"})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self.env["crm.lead"].search_count([("name", "=like", "Rate %")]), 5)
