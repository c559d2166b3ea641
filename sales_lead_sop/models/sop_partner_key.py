import io
import logging

import psycopg2.errors
import psycopg2.extensions

from odoo import api, fields, models
from odoo.modules.db import has_trigram
from odoo.tools import SQL, create_index, mute_logger
from odoo.tools.sql import drop_index, index_exists, table_exists

from ..tools.duplicate_keys import email_domain, normalize_emails, normalize_phone, website_domain
from ..tools.keyword_index import init_keyword_index

_logger = logging.getLogger(__name__)

KEY_KINDS = [
    ("name", "Company-Name Key"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("email_domain", "Email Domain"),
    ("website", "Website"),
]
# Rebuilt from the customer's own name, apart from the contact keys.
NAME_KIND = "name"
# Text-format COPY escapes (normalised keys hardly ever hold these, but nothing may break a row).
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class SopPartnerKey(models.Model):
    """Keys of SOP customers for the duplicate check (撞单): the company-name key of each active
    SOP customer, and every phone, mobile (and fax) in E.164, every email address, email domain
    and website domain of the customer and of its contacts, one row each (free-mail domains are
    skipped when searching, so editing that list needs no rebuild).

    One btree index on (kind, value), holding the customer too, answers "who has this name
    key/phone/email/domain" for all customers and contacts in one index-only query. The distinct
    name keys are also kept in the narrow table `sop_name_key` with a trigram index, for the
    similar-name search: a trigram search over a million wide `res_partner` rows rechecks tens of
    thousands of heap pages when names share words, over the distinct keys only a few hundred.
    Rows are derived data (the name rows from `_sop_set_name_keys`, the others from
    `_sop_rebuild`); nobody but the system reads them (they hold other reps' customers'
    phones)."""

    _name = "sop.partner.key"
    _description = "SOP Customer Duplicate Key"
    _log_access = False
    _rec_name = "value"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True, ondelete="cascade")
    kind = fields.Selection(KEY_KINDS, required=True)
    value = fields.Char(required=True)

    def _auto_init(self):
        cr = self.env.cr
        if not table_exists(cr, self._table) and table_exists(cr, "res_partner"):
            # Installed on a database that already holds SOP customers (upgrade from a build
            # without the duplicate check): their keys come from the batched backfill job.
            cr.execute("SELECT 1 FROM res_partner WHERE sop_managed LIMIT 1")
            if cr.fetchone():
                for key in ("name_keys_from_id", "partner_keys_from_id"):
                    self.env["ir.config_parameter"].sudo().set_param(f"sales_lead_sop.{key}", "0")
        res = super()._auto_init()
        if not index_exists(cr, "sop_partner_key_lookup_idx"):
            # Lookups read the customer from the index itself (index-only scans), not from a heap
            # page per match; replaces the plain (kind, value) index of earlier builds.
            drop_index(cr, "sop_partner_key_kind_value_idx", self._table)
            cr.execute(
                "CREATE INDEX sop_partner_key_lookup_idx ON sop_partner_key (kind, value) "
                "INCLUDE (partner_id)"
            )
        create_index(cr, "sop_partner_key_partner_idx", self._table, ["partner_id"])
        return res

    def init(self):
        cr = self.env.cr
        # Distinct company-name keys (a key may outlive its last customer until the backfill
        # job purges it: the search only keeps keys that still have a name row).
        cr.execute("CREATE TABLE IF NOT EXISTS sop_name_key (key varchar PRIMARY KEY)")
        init_keyword_index(cr)
        if not has_trigram(cr):
            try:
                with cr.savepoint(flush=False):
                    cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except Exception:  # noqa: BLE001 - any failure means: no extension, exact matching only
                _logger.warning(
                    "sales_lead_sop: the PostgreSQL extension pg_trgm is missing and cannot be created; "
                    "the duplicate check finds exact company-name keys only, not similar names."
                )
        # One row that key backfill batches update and live key writes lock (`_sop_lock_backfill`).
        cr.execute(
            """CREATE TABLE IF NOT EXISTS sop_partner_key_lock (id int PRIMARY KEY, batch bigint NOT NULL);
               INSERT INTO sop_partner_key_lock VALUES (1, 0) ON CONFLICT DO NOTHING"""
        )
        self.env.registry.has_trigram = has_trigram(cr)
        if self.env.registry.has_trigram:
            create_index(cr, "sop_name_key_trgm_idx", "sop_name_key", ["key gin_trgm_ops"], method="gin")
            # Without fast update: every search would also scan the pending list of keys inserted
            # since the last vacuum (225 pages after a backfill: 1-4 ms became 5-60 ms).
            cr.execute(
                """ALTER INDEX sop_name_key_trgm_idx SET (fastupdate = off);
                   SELECT gin_clean_pending_list('sop_name_key_trgm_idx'::regclass)"""
            )

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
        """Recompute the phone/email/domain rows of these SOP customers (ids of commercial
        partners) from the customer and all its active contacts, in one read, and write only
        the rows that changed (a re-run of the backfill writes nothing).

        Customers no longer SOP-managed or archived simply lose their rows.
        """
        customer_ids = list(customer_ids)
        if not customer_ids:
            return
        cr = self.env.cr
        self.env["res.partner"].flush_model()  # commercial_partner_id of new contacts is computed late
        default_country = self.env["res.partner"]._sop_phone_country().code
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
                rows.add((kind, value, customer_id))
        self._sop_replace_rows(customer_ids, rows)

    @api.model
    def _sop_rebuild_range(self, from_id, to_id):
        """Bulk `_sop_rebuild` for the backfill: the phone/email/domain rows of every partner
        with `from_id` < id <= `to_id`, from one range scan of the customers and contacts (no
        id list to send and plan); rows of partners in the range that are not (or no longer)
        active SOP customers go.

        :return: (rows deleted, rows inserted)
        """
        cr = self.env.cr
        phone_fields = self.env["res.partner"]._sop_phone_fields()
        default_country = self.env["res.partner"]._sop_phone_country().code
        cr.execute("SELECT id, code FROM res_country")
        country_codes = dict(cr.fetchall())
        # Customers are their own commercial partner; contacts point to theirs.
        cr.execute(
            SQL(
                """SELECT id, commercial_partner_id, sop_managed, country_id, email, website, %(phones)s
                     FROM res_partner
                    WHERE commercial_partner_id > %(from_id)s AND commercial_partner_id <= %(to_id)s
                      AND active""",
                phones=SQL(", ").join(SQL.identifier(name) for name in phone_fields),
                from_id=from_id,
                to_id=to_id,
            )
        )
        partners = cr.fetchall()
        customer_country = {
            partner_id: country_codes.get(country_id) or default_country
            for partner_id, customer_id, sop_managed, country_id, *_rest in partners
            if partner_id == customer_id and sop_managed
        }
        rows = set()
        for _partner_id, customer_id, _sop, country_id, email, website, *phones in partners:
            if customer_id in customer_country:
                country = country_codes.get(country_id) or customer_country[customer_id]
                for kind, value in self._sop_keys_of(phones, [email], [website], country):
                    rows.add((kind, value, customer_id))
        del partners
        stale, added = self._sop_write_range(from_id, to_id, rows, names=False)
        return stale, len(added)

    @api.model
    def _sop_schedule_rebuild(self):
        """Have the backfill job rebuild the phone/email/domain rows of every customer (after a
        change that reads them differently), starting now."""
        # sudo: the job's resume point is a system parameter; an admin saving settings need
        # not manage scheduled actions
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.partner_keys_from_id", "0")
        cron = self.env.ref("sales_lead_sop.ir_cron_sop_name_keys", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _sop_set_name_keys_range(self, from_id, to_id, keys):
        """Bulk `_sop_set_name_keys` for the backfill: make the name rows of the partners with
        `from_id` < id <= `to_id` exactly `keys` ({partner id: key}; partners left out have
        none) and add new keys to the distinct-key table.

        :return: (rows deleted, rows inserted)
        """
        rows = {(NAME_KIND, key, partner_id) for partner_id, key in keys.items() if key}
        stale, added = self._sop_write_range(from_id, to_id, rows, names=True)
        new_keys = sorted({value for _kind, value, _partner_id in added})
        if new_keys:
            self.env.cr.execute(
                SQL(
                    "INSERT INTO sop_name_key (key) SELECT unnest(%s::varchar[]) ON CONFLICT DO NOTHING",
                    new_keys,
                )
            )
        return stale, len(added)

    @api.model
    def _sop_write_range(self, from_id, to_id, rows, names):
        """Make the rows of partners with `from_id` < partner_id <= `to_id` exactly `rows`
        ({(kind, value, partner id)}): the name rows when `names`, else the others. Three
        statements whatever the batch size: a range read of the existing rows (partner
        index), the delete of the stale ones, and a COPY of the missing ones sorted by
        (kind, value), so that they fill the (kind, value) index page after page.

        Measured per 50k customers on 1M: an INSERT of unnest arrays of 300k rows spent
        3.4 s sending and planning its arrays before inserting anything, the COPY sends them
        in 0.4 s; a diff in SQL (join of the new rows with the table) chose two sequential
        scans of the 7M rows per batch.

        :return: (number of rows deleted, set of rows inserted)
        """
        return self._sop_sync_rows(
            SQL(
                "partner_id > %s AND partner_id <= %s AND %s",
                from_id,
                to_id,
                SQL("kind = %s", NAME_KIND) if names else SQL("kind != %s", NAME_KIND),
            ),
            rows,
        )

    @api.model
    def _sop_sync_rows(self, scope, rows):
        """Make the key rows matching the condition `scope` exactly `rows` ({(kind, value,
        partner id)}): one read of the existing rows, the delete of the stale ones by id and
        a COPY of the missing ones, sorted by (kind, value) so that they fill the (kind, value)
        index page after page.

        :return: (number of rows deleted, set of rows inserted)
        """
        cr = self.env.cr
        cr.execute(SQL("SELECT id, kind, value, partner_id FROM sop_partner_key WHERE %s", scope))
        rows = set(rows)
        stale = []
        for key_id, *row in cr.fetchall():
            row = tuple(row)
            if row in rows:
                rows.discard(row)
            else:
                stale.append(key_id)
        if stale:
            cr.execute(SQL("DELETE FROM sop_partner_key WHERE id = ANY(%s)", stale))
        if rows:
            # Lines start with kind and value: sorting the lines sorts by (kind, value).
            buffer = io.StringIO(
                "".join(
                    sorted(
                        f"{kind}\t{value.translate(_COPY_ESCAPES)}\t{partner_id}\n"
                        for kind, value, partner_id in rows
                    )
                )
            )
            # As Odoo does around its own COPY (models._ensure_xml_id): no async wait callback.
            callback = psycopg2.extensions.get_wait_callback()
            psycopg2.extensions.set_wait_callback(None)
            try:
                cr.copy_expert("COPY sop_partner_key (kind, value, partner_id) FROM STDIN", buffer)
            finally:
                psycopg2.extensions.set_wait_callback(callback)
        self.invalidate_model()
        return len(stale), rows

    @api.model
    def _sop_lock_backfill(self):
        """Start a backfill batch; must be the first statement of its transaction.

        Odoo transactions are REPEATABLE READ: a rep's save whose snapshot predates the
        commit of a backfill batch does not see the rows that batch wrote, so it would keep
        them beside its own (stale keys). The batch therefore locks `sop_partner_key_lock`
        before taking its snapshot (LOCK TABLE takes none: the batch sees every save that
        committed before it), then updates its row; a live key write locks that row
        (`_sop_guard_live_write`): it waits while a batch runs, and fails with a
        serialization error, retried by Odoo with a new snapshot, when a batch committed
        after its snapshot. Lookups only read and are never blocked.

        NOWAIT: while a save holds the row (a long import), the batch does not queue for the
        lock, since every later save would queue behind it.

        :return: False when a save holds the lock (nothing done; try again later)
        """
        cr = self.env.cr
        try:
            # Failing here is expected under load: no "bad query" error in the log.
            with mute_logger("odoo.sql_db"), cr.savepoint(flush=False):
                cr.execute("LOCK TABLE sop_partner_key_lock IN EXCLUSIVE MODE NOWAIT")
        except psycopg2.errors.LockNotAvailable:
            return False
        cr.execute("UPDATE sop_partner_key_lock SET batch = batch + 1")
        return True

    @api.model
    def _sop_guard_live_write(self):
        """Before a live key write: see `_sop_lock_backfill`."""
        self.env.cr.execute("SELECT 1 FROM sop_partner_key_lock FOR SHARE")

    @api.model
    def _sop_replace_rows(self, customer_ids, rows):
        """Make the phone/email/domain rows of `customer_ids` exactly `rows` ((kind, value,
        id)), deleting and inserting only the difference (a save's key write)."""
        self._sop_guard_live_write()
        self._sop_sync_rows(SQL("partner_id = ANY(%s) AND kind != %s", list(customer_ids), NAME_KIND), rows)

    @api.model
    def _sop_set_name_keys(self, partner_ids, keys):
        """Set the company-name key of each partner (None: no key), in one statement that only
        touches rows whose key changed, and add new keys to the distinct-key table.

        :param partner_ids: list of partner ids
        :param keys: list of keys (str or None), one per partner
        """
        if not partner_ids:
            return
        self._sop_guard_live_write()
        self.env.cr.execute(
            SQL(
                """WITH new AS (
                        SELECT * FROM unnest(%(ids)s::int[], %(keys)s::varchar[]) AS v(partner_id, key)
                   ), gone AS (
                        DELETE FROM sop_partner_key k USING new
                         WHERE k.partner_id = new.partner_id AND k.kind = %(kind)s
                           AND k.value IS DISTINCT FROM new.key
                   ), added AS (
                        INSERT INTO sop_partner_key (partner_id, kind, value)
                        SELECT new.partner_id, %(kind)s, new.key FROM new
                         WHERE new.key IS NOT NULL AND NOT EXISTS (
                               SELECT 1 FROM sop_partner_key k
                                WHERE k.partner_id = new.partner_id AND k.kind = %(kind)s
                                  AND k.value = new.key)
                         ORDER BY new.key
                        RETURNING value
                   )
                   INSERT INTO sop_name_key (key) SELECT DISTINCT value FROM added ORDER BY value
                   ON CONFLICT DO NOTHING""",
                ids=list(partner_ids),
                keys=list(keys),
                kind=NAME_KIND,
            )
        )
        self.invalidate_model()

    @api.model
    def _sop_analyze(self):
        """Fresh planner statistics once a backfill has rewritten the keys, rather than waiting
        for autovacuum: the plan of the similar-name search (trigram index or a scan of every
        distinct key, 1-5 ms against 60-117 ms at 1M) depends on them."""
        self.env.cr.execute("ANALYZE sop_partner_key, sop_name_key")

    @api.model
    def _sop_purge_name_keys(self):
        """Forget distinct name keys no customer has any more (after renames and archives)."""
        self.env.cr.execute(
            SQL(
                """DELETE FROM sop_name_key n WHERE NOT EXISTS (
                       SELECT 1 FROM sop_partner_key k WHERE k.kind = %s AND k.value = n.key)""",
                NAME_KIND,
            )
        )
