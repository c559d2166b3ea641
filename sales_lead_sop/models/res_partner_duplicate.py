import logging
import threading
import time
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.sql import column_exists, drop_index, index_exists

from ..tools.module_loading import loading_module_data
from .sop_partner_key import NAME_KIND
from .sop_settings import SOP_SETTING_DEFAULTS

# what sop_find_duplicates reads (besides country_id), and the longest text it takes
QUERY_TEXT_FIELDS = {"name", "phone", "mobile", "fax", "email", "website", "keyword"}
QUERY_MAX_LENGTH = 1000

_logger = logging.getLogger(__name__)

MATCH_KINDS = ["name", "phone", "email", "email_domain", "website", "similar_name"]
# What a contact adds to its customer: phones, emails and their domains.
CONTACT_KINDS = ["phone", "email", "email_domain", "website"]
DOMAIN_KINDS = {"email_domain": "website", "website": "email_domain"}
WEAKER_MATCHES = [("name", "similar_name"), ("email", "email_domain")]
# Fields whose change can create a duplicate: they rebuild the keys and run the check.
KEY_FIELDS = {"name", "phone", "mobile", "fax", "email", "website", "country_id"}
STRUCTURE_FIELDS = {"parent_id", "sop_managed", "active", "is_company"}
# Settings that bound the work of a search or a backfill batch (at least 1).
BOUND_KEYS = {"duplicate_match_limit", "duplicate_similar_keys", "duplicate_key_batch_size"}
# Upper bound of a backfill's last id range (ids are PostgreSQL integers).
LAST_ID = 2**31 - 1
# Key of the cursor cache holding the customers created by the running import.
IMPORTED_KEY = "sales_lead_sop.imported_partner_ids"


# A customer found by the duplicate check, with what may be said about it.
DuplicateMatch = namedtuple("DuplicateMatch", "partner_id match score owner_id owner_name owner_since")


class ImportBatchDuplicate(Exception):
    """A duplicate inside a batch of imported rows: makes the import retry row by row."""


class ResPartner(models.Model):
    """Duplicate check (撞单/查重) of SOP customers, SOP.md §5.

    Keys: `sop.partner.key` rows for the company-name key (name without region, legal-form and
    generic words) of the customer and for the phones, emails and company domains of the
    customer and its contacts. The check runs on create and on every write of a key field of
    an SOP customer or of one of its contacts (forms, import, RPC, lead conversion) and on
    claim; what it does per match kind (block / warn / allow) is a setting.

    All searches run as superuser over every customer, private and public; what goes back to
    the caller is only the kind of match, the status and the owner's name and date, and the
    customer id only when the caller may read that customer (see `_sop_describe_matches`)."""

    _inherit = "res.partner"

    sop_name_key = fields.Char(
        string="Company-Name Key",
        compute="_compute_sop_name_key",
        help="The name without region, legal-form and generic words, compared by the duplicate check.",
    )

    def _auto_init(self):
        cr = self.env.cr
        # Earlier builds stored the key on res_partner, where a key backfill rewrote a million
        # wide rows and every index of the table: the keys now live in sop_partner_key, filled
        # by the batched backfill job scheduled here.
        if column_exists(cr, "res_partner", "sop_name_key"):
            drop_index(cr, "res_partner_sop_name_key_trgm_idx", "res_partner")
            drop_index(cr, "res_partner_sop_name_key_idx", "res_partner")
            cr.execute("ALTER TABLE res_partner DROP COLUMN sop_name_key")
            self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.name_keys_from_id", "0")
        res = super()._auto_init()
        # What the duplicate check reads of a match (is it live, who owns it since when, and the
        # columns of the record rules a rep's readability check evaluates) comes from this narrow
        # index (index-only scans) rather than from a heap page of this wide table per match.
        if not index_exists(cr, "res_partner_sop_duplicate_owner_idx"):
            cr.execute(
                """CREATE INDEX res_partner_sop_duplicate_owner_idx ON res_partner (id)
                   INCLUDE (user_id, sop_owner_date, company_id, partner_share,
                            sop_commercial_managed, sop_commercial_user_id)
                   WHERE sop_managed AND active"""
            )
        return res

    @api.depends("name", "sop_managed", "parent_id", "active")
    def _compute_sop_name_key(self):
        """The key the duplicate check holds for this customer (it changes with the word lists
        only once the backfill job has run)."""
        keys = {}
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT partner_id, value FROM sop_partner_key WHERE partner_id = ANY(%s) AND kind = %s",
                    self.ids,
                    NAME_KIND,
                )
            )
            keys = dict(self.env.cr.fetchall())
        for partner in self:
            partner.sop_name_key = keys.get(partner._origin.id, False)

    def _sop_update_name_keys(self):
        """Write the company-name key of these partners: the key of the name for an active SOP
        customer, none for anybody else (contacts, archived or non-SOP partners)."""
        normalizer = self.env["sop.name.word"]._sop_normalizer()
        partners = self.exists()
        keys = [
            (normalizer.key(partner.name or "") or None)
            if partner.sop_managed and partner.active and not partner.parent_id
            else None
            for partner in partners
        ]
        self.env["sop.partner.key"]._sop_set_name_keys(partners.ids, keys)
        self.invalidate_recordset(["sop_name_key"])

    @api.model
    def _sop_phone_country(self):
        """Country whose national format reads phone numbers written without +prefix when the
        customer has no country of its own: the setting, else the company's country.

        A national number means nothing without its country (021 is Shanghai in China, Cardiff
        in the UK; trunk prefixes differ), so the check compares E.164 numbers read in a known
        country rather than bare digits, as Odoo's phone_validation does.

        :config: sales_lead_sop.phone_country_id (id of a res.country; empty: the company's)
        """
        value = self.env["sop.settings"]._get_raw("phone_country_id")
        country = self.env["res.country"]
        if value and str(value).isdigit():
            country = country.browse(int(value)).exists()
        return country or self.env.company.country_id

    @api.model
    def _sop_phone_fields(self):
        return [name for name in ("phone", "mobile", "fax") if name in self._fields]

    # ------------------------------------------------------------------
    # ORM: keep keys current and check on every change
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        customers = partners.commercial_partner_id.filtered("sop_managed")
        if customers:
            (customers & partners)._sop_update_name_keys()
            self.env["sop.partner.key"]._sop_rebuild(customers.ids)
            if self.env.context.get("import_file"):
                # Remember the rows of this import (this cursor), to tell in-file duplicates apart.
                self.env.cr.cache.setdefault(IMPORTED_KEY, set()).update(customers.ids)
            if self._sop_duplicate_check_enabled():
                new_customers = customers & partners
                try:
                    new_customers._sop_enforce_duplicate_policy(MATCH_KINDS)
                    (customers - new_customers)._sop_enforce_duplicate_policy(CONTACT_KINDS)
                except UserError as error:
                    if self.env.context.get("import_file") and len(partners) > 1:
                        # Odoo's loader reports a UserError of a batch against its first row; any
                        # other error makes it retry row by row, which reports each row's own.
                        raise ImportBatchDuplicate(str(error)) from error
                    raise
        return partners

    def write(self, vals):
        changed = (KEY_FIELDS | STRUCTURE_FIELDS) & set(vals)
        before = self.commercial_partner_id.filtered("sop_managed") if changed else self.browse()
        res = super().write(vals)
        if changed:
            customers = self.commercial_partner_id.filtered("sop_managed")
            if ({"name"} | STRUCTURE_FIELDS) & changed and (before or customers):
                # Customers' own name keys (a contact's name is not a company name); those that
                # stopped being SOP customers lose theirs.
                (before | self.filtered(lambda p: p.sop_managed and not p.parent_id))._sop_update_name_keys()
            if (customers or before) and changed - {"name"}:
                self.env["sop.partner.key"]._sop_rebuild((before | customers).ids)
            if customers and self._sop_duplicate_check_enabled():
                kinds = MATCH_KINDS if STRUCTURE_FIELDS & changed else self._sop_kinds_of_fields(changed)
                if self - customers:
                    kinds = set(kinds) - {"name", "similar_name"}  # a contact's name is not a company name
                customers.filtered("active")._sop_enforce_duplicate_policy(kinds)
        return res

    @api.model
    def _sop_kinds_of_fields(self, field_names):
        kinds = set()
        if "name" in field_names:
            kinds |= {"name", "similar_name"}
        if {"phone", "mobile", "fax", "country_id"} & field_names:
            kinds.add("phone")
        if "email" in field_names:
            kinds |= {"email", "email_domain"}
        if "website" in field_names:
            kinds.add("website")
        return kinds

    def _sop_duplicate_check_enabled(self):
        """False while modules load their data, and when a sales administrator (or the system)
        explicitly skips the check with the context key `sop_skip_duplicate_check`."""
        context = self.env.context
        if loading_module_data(self.env):
            return False
        if context.get("sop_skip_duplicate_check"):
            return not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager"))
        return True

    # ------------------------------------------------------------------
    # PUBLIC API
    # ------------------------------------------------------------------

    @api.model
    def sop_find_duplicates(self, vals):
        """Search every SOP customer (private and public) for duplicates of `vals` (撞单查询).

        :param vals: dict with any of ``name``, ``phone``, ``mobile``, ``email``, ``website``,
            ``keyword`` (a part of the trade name, 字号: customers whose company-name key
            contains it, at least two characters) and optionally ``country_id``, used to read
            phones written without +country (default: the setting, else the company's
            country; when neither is known such phones raise a UserError asking for it)
        :return: list of dicts, one per customer and kind of match: ``match`` (``name``,
            ``phone``, ``email``, ``email_domain``, ``website``, ``similar_name``,
            ``keyword``), ``status``
            (``mine``, ``public``, ``owned``), ``owner`` (display name or False), ``since``
            (date the owner got it, or False), ``partner_id`` and ``name`` (only for customers
            the caller may read, else False). Never phones, emails, addresses or notes.
        :config: sales_lead_sop.duplicate_similarity
        Callable by sales users (reps and up); nothing is created or changed.
        """
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(self.env._("Only salespeople can run the duplicate check."))
        vals = self._sop_check_duplicate_query(vals)
        if self._sop_phone_country_missing(vals):
            raise UserError(
                self.env._(
                    "Which country are the phone numbers written without +country in? Give its "
                    "country_id, or write them with their country code (+86...)."
                )
            )
        matches = self._sop_search_duplicates(self._sop_keys_from_vals(vals))
        if vals.get("keyword"):
            matches += self._sop_search_keyword(self._sop_fold_keyword(vals["keyword"]))
        rows = self._sop_describe_matches(matches, self.env.user)
        for row in rows:
            del row["_id"]
        return rows

    @api.model
    def _sop_check_duplicate_query(self, vals):
        """The values of a duplicate check as sent over RPC, checked before use.

        :return: the values (a dict of texts, and a country id)
        :raise UserError: for anything else, naming what is wrong
        """
        if not vals:
            return {}
        if not isinstance(vals, dict):
            raise UserError(self.env._("The duplicate check takes a dictionary of values."))
        unknown = sorted(str(key) for key in set(vals) - QUERY_TEXT_FIELDS - {"country_id"})
        if unknown:
            raise UserError(
                self.env._(
                    "The duplicate check does not know %(fields)s; it reads %(known)s.",
                    fields=", ".join(unknown),
                    known=", ".join(sorted(QUERY_TEXT_FIELDS | {"country_id"})),
                )
            )
        for key in QUERY_TEXT_FIELDS & set(vals):
            value = vals[key]
            if value in (None, False):
                continue
            if not isinstance(value, str) or "\x00" in value or len(value) > QUERY_MAX_LENGTH:
                raise UserError(
                    self.env._(
                        "%(field)s must be a text of at most %(size)s characters.",
                        field=key,
                        size=QUERY_MAX_LENGTH,
                    )
                )
        country_id = vals.get("country_id")
        if country_id not in (None, False) and (
            not isinstance(country_id, int)
            or isinstance(country_id, bool)
            or not self.env["res.country"].browse(country_id).exists()
        ):
            raise UserError(self.env._("country_id must be the id of a country."))
        return vals

    def _sop_check_claim_duplicates(self):
        """Hook for claims (pools issue): refuse to claim a public customer that duplicates a
        customer owned by another rep (policy `block`), as entering it would.

        :raise UserError: naming the owner and the status, changing nothing
        """
        for partner in self:
            partner._sop_enforce_duplicate_policy(MATCH_KINDS, owner=self.env.user, action="claim")

    @api.model
    def _sop_check_duplicate_vals(self, vals, owner=None):
        """Hook for lead conversion and other entry points: apply the policy to values about to
        become a customer, before anything is created.

        :return: the list of warnings (str) of matches whose policy is `warn`
        :raise UserError: for matches whose policy is `block`
        """
        owner = owner or self.env.user
        matches = self._sop_search_duplicates(self._sop_keys_from_vals(vals), owner=owner)
        return self._sop_apply_policy(matches, owner, "create")

    def sop_claim(self):
        """Claim, after the duplicate check (a public customer that is also another rep's
        customer under another record cannot be claimed around the rule)."""
        self._sop_check_claim_duplicates()
        return super().sop_claim()

    # ------------------------------------------------------------------
    # BUSINESS: keys
    # ------------------------------------------------------------------

    @api.model
    def _sop_phone_country_missing(self, vals):
        """True when `vals` hold a phone written without +country and no country reads it (none
        given, no setting, a company without country): the check would find nothing."""
        national = any(
            vals.get(name) and not str(vals[name]).strip().startswith(("+", "00"))
            for name in ("phone", "mobile", "fax")
        )
        return national and not vals.get("country_id") and not self._sop_phone_country()

    @api.model
    def _sop_keys_from_vals(self, vals):
        """Keys of raw values typed by a user: {'name': key, 'exact': {(kind, value): match}}."""
        Key = self.env["sop.partner.key"]
        phones = [vals.get(name) for name in ("phone", "mobile", "fax") if vals.get(name)]
        country_code = False
        # The country only reads national numbers: international ones (+49..., 0049...) skip the reads.
        if any(not str(phone).strip().startswith(("+", "00")) for phone in phones):
            if vals.get("country_id"):
                country_code = self.env["res.country"].browse(int(vals["country_id"])).code
            country_code = country_code or self._sop_phone_country().code
        keys = Key._sop_keys_of(
            phones=phones,
            emails=[vals.get("email")],
            websites=[vals.get("website")],
            country_code=country_code,
        )
        free = self.env["sop.free.mail.domain"]._sop_free_domains()
        exact = {
            (kind, value): kind for kind, value in keys if not (kind == "email_domain" and value in free)
        }
        name_key = self.env["sop.name.word"]._sop_name_key(vals.get("name")) if vals.get("name") else ""
        return {"name": name_key, "exact": exact}

    def _sop_record_keys(self, kinds):
        """Keys of this saved customer restricted to the match kinds `kinds`."""
        self.ensure_one()
        keys = {"name": "", "exact": {}, "kinds": set(kinds)}
        free = self.env["sop.free.mail.domain"]._sop_free_domains()
        self.env.cr.execute(SQL("SELECT kind, value FROM sop_partner_key WHERE partner_id = %s", self.id))
        for kind, value in self.env.cr.fetchall():
            if kind == NAME_KIND:
                keys["name"] = value if {"name", "similar_name"} & set(kinds) else ""
            elif kind in kinds and not (kind == "email_domain" and value in free):
                keys["exact"][(kind, value)] = kind
        return keys

    @api.model
    def _sop_search_duplicates(self, keys, exclude_ids=(), owner=None):
        """Customers matching `keys`, searched in SQL over all active SOP customers: exact keys
        (name key, phones, emails, domains) and similar name keys, with what describing them
        needs (owner, owner's name and date, customer name), in one query.

        Similar names: the nearest distinct keys of `sop_name_key` above the threshold
        (trigram index), then the customers holding each of them.

        :param owner: the user the new or claimed customer would belong to (default: the
            current user): customers of other owners are kept first when a key has more than
            `duplicate_match_limit` of them
        :return: list of `DuplicateMatch` without repeated (partner id, match), at most
            `duplicate_match_limit` per kind
        :config: sales_lead_sop.duplicate_similarity, sales_lead_sop.duplicate_match_limit,
            sales_lead_sop.duplicate_similar_keys
        """
        cr = self.env.cr
        kinds = keys.get("kinds", set(MATCH_KINDS))
        exclude = list(exclude_ids) or [0]
        limit = self._sop_duplicate_param("duplicate_match_limit")
        self.env["res.partner"].flush_model(
            ["sop_managed", "active", "parent_id", "user_id", "sop_owner_date", "name"]
        )
        self.env["res.users"].flush_model(["partner_id"])
        searched = []
        for (kind, value), match in keys["exact"].items():
            searched.append((kind, value, match))
            # A company domain is the same company whether it came from an email or a website.
            if kind in DOMAIN_KINDS:
                searched.append((DOMAIN_KINDS[kind], value, match))
        name_key = keys.get("name")
        if name_key and "name" in kinds:
            searched.append((NAME_KIND, name_key, "name"))
        similar = bool(name_key and "similar_name" in kinds and self.env.registry.has_trigram)
        if not searched and not similar:
            return []
        # Per exact key, the live customers holding it: those of another owner first (they decide
        # a block), then public ones, then the owner's own, so that when more than `limit`
        # customers share a key the ones that matter are kept. Similar names (a warning): the
        # `limit` best of the near keys' customers. Owner and date come from the covering
        # partial index of res_partner (index-only), not from heap pages of that wide table.
        exact_customers = """
                   SELECT k.partner_id, p.user_id, p.sop_owner_date,
                          CASE WHEN p.user_id IS NULL THEN 1 WHEN p.user_id = %(owner)s THEN 2 ELSE 0 END
                     FROM sop_partner_key k
                     JOIN res_partner p ON p.id = k.partner_id AND p.sop_managed AND p.active
                    WHERE k.kind = v.kind AND k.value = v.value AND k.partner_id != ALL(%(exclude)s)
                    ORDER BY 4, 1 LIMIT %(limit)s"""
        # A plain query string: Odoo's SQL objects cannot hold the trigram operator `%`.
        query = f"""SELECT k.*, v.match, 1.0::float8
                      FROM unnest(%(kinds)s::varchar[], %(values)s::varchar[], %(matches)s::varchar[])
                           AS v(kind, value, match)
                CROSS JOIN LATERAL ({exact_customers}) k"""
        prefix = ""
        if similar:
            # The threshold of `%` is a setting; SET LOCAL lets the trigram index use it. Sent in
            # the same round trip as the search.
            prefix = "SELECT set_config('pg_trgm.similarity_threshold', %(threshold)s, true);\n"
            query += """
            UNION ALL (
                   WITH near AS (
                        SELECT n.key, similarity(n.key, %(name)s) AS score FROM sop_name_key n
                         WHERE n.key %% %(name)s AND n.key != %(name)s
                           AND EXISTS (SELECT 1 FROM sop_partner_key k
                                        WHERE k.kind = 'name' AND k.value = n.key)
                         ORDER BY score DESC, n.key LIMIT %(near)s)
                   , picked AS (
                        SELECT k.partner_id, near.score FROM near
                        CROSS JOIN LATERAL (
                             SELECT k.partner_id FROM sop_partner_key k
                              WHERE k.kind = 'name' AND k.value = near.key
                                AND k.partner_id != ALL(%(exclude)s)
                              LIMIT %(limit)s) k
                         ORDER BY near.score DESC, k.partner_id LIMIT %(limit)s)
                   SELECT picked.partner_id, p.user_id, p.sop_owner_date,
                          CASE WHEN p.user_id IS NULL THEN 1 WHEN p.user_id = %(owner)s THEN 2 ELSE 0 END,
                          'similar_name', picked.score
                     FROM picked
                     JOIN res_partner p ON p.id = picked.partner_id AND p.sop_managed AND p.active)"""
        kind_list, value_list, match_list = zip(*searched, strict=True) if searched else ((), (), ())
        # At most `limit` customers per kind. The owner's name is read here too: the caller may
        # not read other users.
        cr.execute(
            f"""{prefix}SELECT m.partner_id, m.match, m.score, m.user_id, owner.name, m.owner_date
                  FROM (SELECT *, row_number() OVER (
                                    PARTITION BY match ORDER BY severity, score DESC, partner_id) AS n
                          FROM (SELECT DISTINCT ON (partner_id, match) *
                                  FROM ({query}) AS u(partner_id, user_id, owner_date, severity, match, score)
                                 ORDER BY partner_id, match, score DESC) AS d) AS m
             LEFT JOIN res_users u ON u.id = m.user_id
             LEFT JOIN res_partner owner ON owner.id = u.partner_id
                 WHERE m.n <= %(limit)s""",
            {
                "threshold": str(self._sop_duplicate_param("duplicate_similarity") / 100.0),
                "kinds": list(kind_list),
                "values": list(value_list),
                "matches": list(match_list),
                "exclude": exclude,
                "limit": limit,
                "owner": (owner or self.env.user).id,
                "name": name_key,
                "near": self._sop_duplicate_param("duplicate_similar_keys"),
            },
        )
        found = [DuplicateMatch(*row) for row in cr.fetchall()]
        # The stronger match says it all: same name hides similar name, same address its domain.
        kinds_of = {}
        for row in found:
            kinds_of.setdefault(row.partner_id, set()).add(row.match)
        return [
            row
            for row in found
            if not any(
                row.match == weak and strong in kinds_of[row.partner_id] for strong, weak in WEAKER_MATCHES
            )
        ]

    # ------------------------------------------------------------------
    # BUSINESS: outcomes
    # ------------------------------------------------------------------

    @api.model
    def _sop_describe_matches(self, matches, user):
        """What `user` may learn about `matches` (see `sop_find_duplicates`).

        The customer id and name only come back when `user` may read the customer and is not a
        plain rep looking at another rep's customer; readability is asked of the record rules
        (one search) only for the matches that can be shown.
        """
        if not matches:
            return []
        sees_others = user.has_group("sales_lead_sop.group_sop_manager") or user.has_group(
            "sales_lead_sop.group_sop_support"
        )
        statuses = [self._sop_status_for(row, user) for row in matches]
        showable = {
            row.partner_id
            for row, status in zip(matches, statuses, strict=True)
            if status != "owned" or sees_others
        }
        names = {}
        if showable:
            # Matches are live SOP customers: saying so lets the rules be read from the index above.
            readable = (
                self.with_user(user)
                .with_context(active_test=False)
                .search(
                    [("id", "in", list(showable)), ("sop_managed", "=", True), ("active", "=", True)],
                    order="id",
                )
            )
            names = {partner.id: partner.complete_name for partner in readable}
        result = []
        for row, status in zip(matches, statuses, strict=True):
            visible = row.partner_id in names
            result.append(
                {
                    "match": row.match,
                    "status": status,
                    "owner": (row.owner_name or False) if row.owner_id else False,
                    "since": fields.Date.to_string(row.owner_since.date())
                    if row.owner_id and row.owner_since
                    else False,
                    "partner_id": row.partner_id if visible else False,
                    "name": names[row.partner_id] if visible else False,
                    "similarity": round(float(row.score), 2),
                    "_id": row.partner_id,  # internal: for the policy and the wizard, never returned
                }
            )
        order = {kind: index for index, kind in enumerate(MATCH_KINDS)}
        order["keyword"] = len(order)  # the keyword search comes last (res_partner_duplicate_keyword)
        # Within a kind, another owner's customer first: it is the one that blocks.
        severity = {"owned": 0, "public": 1, "mine": 2}
        result.sort(key=lambda row: (order[row["match"]], severity[row["status"]], -row["similarity"]))
        return result

    @api.model
    def _sop_status_for(self, match, user):
        """`public` (no owner), `mine` (owned by `user`) or `owned` (by someone else)."""
        if not match.owner_id:
            return "public"
        return "mine" if match.owner_id == user.id else "owned"

    def _sop_enforce_duplicate_policy(self, kinds, owner=None, action="create"):
        """Apply the policy to the duplicates of each customer in `self` for `kinds`.

        Blocks with a UserError (the transaction is rolled back, nothing is saved); warnings are
        logged in the customer's chatter.
        """
        for customer in self:
            keys = customer._sop_record_keys(kinds)
            owner_user = owner or customer.sudo().user_id or self.env.user
            matches = self._sop_search_duplicates(keys, exclude_ids=customer.ids, owner=owner_user)
            warnings = self._sop_apply_policy(matches, owner_user, action)
            if warnings and action == "create":
                customer.sudo().message_post(  # sudo: the note is the system's, the rep may not post
                    body=self.env._("Possible duplicate (撞单): %(details)s", details=" ".join(warnings)),
                    subtype_xmlid="mail.mt_note",
                )

    @api.model
    def _sop_apply_policy(self, matches, owner, action="create"):
        """Raise on the first blocking match, return the warning messages of the others.

        :param owner: the user the new or claimed customer would belong to ("mine" is relative
            to this user)
        :config: sales_lead_sop.duplicate_policy_<match kind>
        """
        warnings = []
        in_import = bool(self.env.context.get("import_file"))
        for row in self._sop_describe_matches(matches, owner):
            policy = self._sop_duplicate_param(f"duplicate_policy_{row['match']}")
            if policy == "allow" or (action == "claim" and row["status"] != "owned"):
                continue
            same_file = in_import and row["_id"] in self.env.cr.cache.get(IMPORTED_KEY, ())
            message = self._sop_match_message(row, same_file)
            if policy == "block":
                raise UserError(message)
            warnings.append(message)
        return warnings

    @api.model
    def _sop_match_message(self, row, same_file=False):
        """A refusal or warning that names the owner and the status, never the customer's data."""
        what = self._sop_match_labels()[row["match"]]
        if same_file:
            return self.env._("%(what)s is the same as in another row of this file.", what=what)
        if row["status"] == "public":
            return self.env._(
                "%(what)s matches a customer in the public pool: claim it instead of entering it again "
                "(use the duplicate check to find it).",
                what=what,
            )
        if row["status"] == "mine":
            return self.env._(
                "%(what)s matches your own customer %(name)s: open it instead.",
                what=what,
                name=row["name"] or self.env._("(already in your private pool)"),
            )
        return self.env._(
            "%(what)s matches a customer owned by %(owner)s since %(since)s: apply to claim it "
            "from the duplicate check instead.",
            what=what,
            owner=row["owner"],
            since=row["since"] or "-",
        )

    @api.model
    def _sop_lead_note(self, row, labels):
        """One part of a lead's duplicate note: what matched and who holds it."""
        if row["status"] == "public":
            return self.env._("%(what)s: customer in the public pool", what=labels[row["match"]])
        if row["status"] == "mine":
            return self.env._("%(what)s: your customer", what=labels[row["match"]])
        return self.env._(
            "%(what)s: customer owned by %(owner)s since %(since)s",
            what=labels[row["match"]],
            owner=row["owner"],
            since=row["since"] or "-",
        )

    @api.model
    def _sop_match_labels(self):
        return {
            "name": self.env._("The company name"),
            "phone": self.env._("A phone number"),
            "email": self.env._("An email address"),
            "email_domain": self.env._("The email domain"),
            "website": self.env._("The website"),
            "similar_name": self.env._("A similar company name"),
        }

    @api.model
    def _sop_duplicate_param(self, key):
        """Setting `sales_lead_sop.<key>` of the duplicate check with its default.

        :config: sales_lead_sop.duplicate_similarity, sales_lead_sop.duplicate_policy_<kind>,
            sales_lead_sop.duplicate_match_limit, sales_lead_sop.duplicate_similar_keys,
            sales_lead_sop.duplicate_key_batch_size
        """
        if key.startswith("duplicate_policy_"):
            return self.env["sop.settings"]._get_choice(key, ("block", "warn", "allow"))
        value = self.env["sop.settings"]._get_int(key)
        if key in BOUND_KEYS and value < 1:
            # A count or batch size below 1 would silently find or do nothing.
            return SOP_SETTING_DEFAULTS[key]
        return value

    # ------------------------------------------------------------------
    # BACKFILL (install, word-list change, bench)
    # ------------------------------------------------------------------

    @api.model
    def _sop_recompute_name_keys(self, from_id=0, time_budget=None, with_contact_keys=False):
        """Recompute the company-name key of every SOP customer with id > `from_id`, by batches
        of `duplicate_key_batch_size` customers, each its own transaction committed outside
        tests: one SELECT of (id, name), then only the keys that changed are written into the
        narrow key table (`sop.partner.key._sop_set_name_keys_range`; `res_partner` is never
        written). Names repeat (branches, common trade names): each distinct name is
        normalised once per run. When every customer is done, distinct keys nobody holds any
        more are purged. Saves during a run: see `_sop_rebuild_all_keys`.

        :param time_budget: seconds after which to stop at a batch boundary
        :param with_contact_keys: also rebuild the phone/email/domain rows of each batch, in
            the same transaction (install: the foreign-key checks of both kinds of rows lock
            each customer once, and one read of the batch's ids serves both)
        :return: the last id done, or None when every customer is done
        :config: sales_lead_sop.duplicate_key_batch_size
        """
        cr = self.env.cr
        Key = self.env["sop.partner.key"]
        normalizer = self.env["sop.name.word"]._sop_normalizer()
        batch_size = self._sop_duplicate_param("duplicate_key_batch_size")
        self.flush_model(["name", "sop_managed", "parent_id", "active"])
        started = time.monotonic()
        done = 0
        cache = {}
        while True:
            self._sop_commit_batch()  # each batch locks before its snapshot: a new transaction
            if not Key._sop_lock_backfill():
                break  # a save holds the lock: resume from `from_id` on the next run
            cr.execute(
                SQL(
                    """SELECT id, name, active FROM res_partner
                        WHERE sop_managed AND parent_id IS NULL AND id > %s ORDER BY id LIMIT %s""",
                    from_id,
                    batch_size,
                )
            )
            rows = cr.fetchall()
            last = len(rows) < batch_size
            keys = {}
            for partner_id, name, active in rows:
                if not active:
                    continue
                if name not in cache:
                    if len(cache) > 4 * batch_size:  # bounded memory over a million names
                        cache.clear()
                    cache[name] = normalizer.key(name or "") or None
                keys[partner_id] = cache[name]
            # The last batch also covers the partners after the last customer.
            to_id = LAST_ID if last else rows[-1][0]
            Key._sop_set_name_keys_range(from_id, to_id, keys)
            if with_contact_keys:
                Key._sop_rebuild_range(from_id, to_id)
            done += len(rows)
            if last:
                from_id = None
                Key._sop_purge_name_keys()
                Key._sop_analyze()
                break
            from_id = rows[-1][0]
            if time_budget and time.monotonic() - started > time_budget:
                break
        self._sop_commit_batch()
        self.invalidate_model(["sop_name_key"])
        _logger.info("sales_lead_sop: %s company-name keys recomputed", done)
        return from_id

    @api.model
    def _sop_rebuild_all_keys(self, from_id=0, time_budget=None):
        """Rebuild the phone/email/domain rows of every SOP customer with id > `from_id`, by
        batches of `duplicate_key_batch_size` customers (`sop.partner.key._sop_rebuild_range`),
        each its own transaction committed outside tests. Reps may keep working meanwhile:
        lookups read the (kind, value) index as usual, key writes of their saves wait for the
        running batch (see `sop.partner.key._sop_lock_backfill`).

        :return: last id done, or None when all are done
        :config: sales_lead_sop.duplicate_key_batch_size
        """
        started = time.monotonic()
        cr = self.env.cr
        Key = self.env["sop.partner.key"]
        batch_size = self._sop_duplicate_param("duplicate_key_batch_size")
        self.flush_model()
        done = 0
        while True:
            self._sop_commit_batch()  # each batch locks before its snapshot: a new transaction
            if not Key._sop_lock_backfill():
                break  # a save holds the lock: resume from `from_id` on the next run
            cr.execute(
                SQL(
                    """SELECT max(id), count(*) FROM (
                            SELECT id FROM res_partner WHERE sop_managed AND parent_id IS NULL AND id > %s
                             ORDER BY id LIMIT %s) AS batch""",
                    from_id,
                    batch_size,
                )
            )
            to_id, count = cr.fetchone()
            last = count < batch_size
            # The last batch also covers the partners after the last customer.
            Key._sop_rebuild_range(from_id, LAST_ID if last else to_id)
            done += count
            if last:
                from_id = None
                Key._sop_analyze()
                break
            from_id = to_id
            if time_budget and time.monotonic() - started > time_budget:
                break
        self._sop_commit_batch()
        _logger.info("sales_lead_sop: duplicate keys of %s customers rebuilt", done)
        return from_id

    @api.model
    def _sop_commit_batch(self):
        # Keep each batch once done so a long backfill survives a restart; never while testing.
        if not (self.env.registry.in_test_mode() or getattr(threading.current_thread(), "testing", False)):
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _cron_sop_recompute_name_keys(self):
        """Backfill job: recompute the company-name keys of all SOP customers after a change
        of the word lists, and rebuild the phone/email/domain keys after an upgrade, resuming
        where the last run stopped (re-runnable, committed batches, about 4 minutes a run).

        :config: sales_lead_sop.name_keys_from_id, sales_lead_sop.partner_keys_from_id
            (internal resume points, '' when nothing is pending)
        """
        Param = self.env["ir.config_parameter"].sudo()
        pending = False
        starts = {
            key: Param.get_param(f"sales_lead_sop.{key}")
            for key in ("name_keys_from_id", "partner_keys_from_id")
        }
        if starts["name_keys_from_id"] not in (None, False, "") and len(set(starts.values())) == 1:
            # Both pending from the same customer (install, upgrade): one pass does both.
            last = self._sop_recompute_name_keys(
                from_id=int(starts["name_keys_from_id"]), time_budget=120, with_contact_keys=True
            )
            for key in starts:
                Param.set_param(f"sales_lead_sop.{key}", "" if last is None else str(last))
            self._sop_commit_batch()
            pending = last is not None
            starts = {}
        for key, method in (
            ("name_keys_from_id", self._sop_recompute_name_keys),
            ("partner_keys_from_id", self._sop_rebuild_all_keys),
        ):
            start = starts.get(key)
            if start in (None, False, ""):
                continue
            last = method(from_id=int(start), time_budget=120)
            Param.set_param(f"sales_lead_sop.{key}", "" if last is None else str(last))
            self._sop_commit_batch()
            pending = pending or last is not None
        if pending:
            self.env["ir.cron"]._notify_progress(done=1, remaining=1)
            self.env.ref("sales_lead_sop.ir_cron_sop_name_keys")._trigger()
