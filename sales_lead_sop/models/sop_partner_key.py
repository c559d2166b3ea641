import logging

from odoo import api, fields, models
from odoo.tools import SQL, create_index

from ..tools.duplicate_keys import email_domain, normalize_emails, normalize_phone, website_domain

_logger = logging.getLogger(__name__)

KEY_KINDS = [("phone", "Phone"), ("email", "Email"), ("email_domain", "Email Domain"), ("website", "Website")]


class SopPartnerKey(models.Model):
    """Contact keys of SOP customers for the duplicate check (撞单): every phone, mobile (and fax)
    in E.164, every email address, email domain and website domain of the customer and of its
    contacts, one row each (free-mail domains are skipped when searching, so editing that
    list needs no rebuild).

    One btree index on (kind, value) answers "who has this phone/email/domain" for all
    customers and contacts at once. Rows are derived data, rebuilt by `_sop_rebuild`; nobody
    but the system reads them (they hold other reps' customers' phones)."""

    _name = "sop.partner.key"
    _description = "SOP Customer Duplicate Key"
    _log_access = False
    _rec_name = "value"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True, ondelete="cascade")
    kind = fields.Selection(KEY_KINDS, required=True)
    value = fields.Char(required=True)

    def _auto_init(self):
        res = super()._auto_init()
        create_index(self.env.cr, "sop_partner_key_kind_value_idx", self._table, ["kind", "value"])
        create_index(self.env.cr, "sop_partner_key_partner_idx", self._table, ["partner_id"])
        return res

    @api.model
    def _sop_keys_of(self, phones=(), emails=(), websites=(), country_code=None):
        """Set of (kind, value) keys for raw phones, email fields and websites.

        :param country_code: ISO code used to read phones written without +country prefix
        """
        keys = set()
        for number in phones:
            phone = normalize_phone(number, country_code)
            if phone:
                keys.add(("phone", phone))
        for text in emails:
            for email in normalize_emails(text):
                keys.add(("email", email))
                domain = email_domain(email)
                if domain:
                    keys.add(("email_domain", domain))
        for url in websites:
            domain = website_domain(url)
            if domain:
                keys.add(("website", domain))
        return keys

    @api.model
    def _sop_rebuild(self, customer_ids):
        """Recompute the key rows of these SOP customers (ids of commercial partners) from the
        customer and all its active contacts, in one read and one insert.

        Customers no longer SOP-managed or archived simply lose their rows.
        """
        customer_ids = list(customer_ids)
        if not customer_ids:
            return
        cr = self.env.cr
        self.env["res.partner"].flush_model()  # commercial_partner_id of new contacts is computed late
        default_country = self.env.company.country_id.code
        phone_fields = self.env["res.partner"]._sop_phone_fields()
        cr.execute(
            SQL(
                """SELECT p.commercial_partner_id, %(phones)s, p.email, p.website,
                          COALESCE(pc.code, cc.code)
                     FROM res_partner p
                     JOIN res_partner c ON c.id = p.commercial_partner_id
                LEFT JOIN res_country pc ON pc.id = p.country_id
                LEFT JOIN res_country cc ON cc.id = c.country_id
                    WHERE p.commercial_partner_id = ANY(%(ids)s) AND p.active
                      AND c.active AND c.sop_managed""",
                phones=SQL("ARRAY[%s]", SQL(", ").join(SQL.identifier("p", f) for f in phone_fields)),
                ids=customer_ids,
            )
        )
        rows = set()
        for customer_id, phones, email, website, country in cr.fetchall():
            for kind, value in self._sop_keys_of(phones, [email], [website], country or default_country):
                rows.add((customer_id, kind, value))
        self._sop_replace_rows(customer_ids, rows)

    @api.model
    def _sop_replace_rows(self, customer_ids, rows):
        cr = self.env.cr
        cr.execute(SQL("DELETE FROM sop_partner_key WHERE partner_id = ANY(%s)", list(customer_ids)))
        if rows:
            partner_ids, kinds, values = zip(*rows, strict=True)
            cr.execute(
                SQL(
                    """INSERT INTO sop_partner_key (partner_id, kind, value)
                       SELECT * FROM unnest(%s::int[], %s::varchar[], %s::varchar[])""",
                    list(partner_ids),
                    list(kinds),
                    list(values),
                )
            )
        self.invalidate_model()
