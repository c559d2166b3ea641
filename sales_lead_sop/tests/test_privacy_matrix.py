"""The privacy access matrix of SOP §1, generated from the registry.

Every installed model with a relational field to res.partner (and every stored or related
field filled through it) is tried by every role of the demo against the private customers of
someone else: link (create a record pointing at the customer), read (every field, also the
stored computes), search (by the customer and by its private values), read_group, export and
the customer's label under every context key Odoo knows for partner labels. No private value
of a customer the role may not read may come back. Models added later are in the matrix
without touching this file."""

import re
from collections import Counter

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SopCommon

# Context keys of partner labels in Odoo core and its addons (and of older versions, which
# clients still send); the registry adds whatever the installed res.partner depends on.
KNOWN_LABEL_KEYS = (
    "show_address",
    "show_address_only",
    "show_email",
    "show_vat",
    "partner_show_db_id",
    "address_inline",
    "html_format",
    "show_commercial",
    "formatted_display_name",
)
OPERATIONS = ("link", "read", "search", "read_group", "export", "label")
PARTNER_PATHS = ("email", "phone", "mobile", "street", "zip")
MUTED = ("odoo.sql_db", "odoo.models", "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
SEPARATORS = re.compile(r"[\s\-().]")


def _secrets(tag, number):
    """Private values of one customer, each unique in the database."""
    return {
        "email": f"{tag}.secret@leak.example",
        "phone": f"+86 21 5555 {number:04d}",
        "mobile": f"+86 139 1234 {number:04d}",
        "street": f"{tag} Secret Road {number}",
        "zip": f"ZP{number:04d}Q",
    }


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPrivacyMatrix(SopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep_d = new_test_user(cls.env, "sop_rep_d", groups="sales_lead_sop.group_sop_rep", name="Rep D")
        cls.team_b.member_ids = [(4, cls.rep_d.id)]
        # owned by rep_a, with a contact, a bank account and a meeting
        cls.owned = cls._create_customer("Matrix Owned Co", user_id=cls.rep_a.id, **_secrets("owned", 1))
        cls.owned_contact = cls.env["res.partner"].create(
            {"name": "Matrix Buyer", "parent_id": cls.owned.id, **_secrets("buyer", 2)}
        )
        cls.bank = cls.env["res.partner.bank"].create(
            {"partner_id": cls.owned.id, "acc_number": "SECRETACC770001"}
        )
        now = fields.Datetime.now()
        cls.event = (
            cls.env["calendar.event"]
            .with_user(cls.rep_a)
            .create(
                {
                    "name": "Matrix Meeting",
                    "start": now,
                    "stop": now,
                    "description": "<p>EventSecretDescription770002</p>",
                    "partner_ids": [(6, 0, (cls.rep_a.partner_id | cls.owned_contact).ids)],
                }
            )
        )
        # in the public pool
        cls.public = cls._create_customer("Matrix Public Co", **_secrets("public", 3))
        # held by rep_d, then claimed by rep_a through an approved request: rep_d is its former owner
        cls.claimed = cls._create_customer(
            "Matrix Claimed Co", user_id=cls.rep_d.id, **_secrets("claimed", 4)
        )
        cls.env["sop.followup"].with_user(cls.rep_d).create(
            {"partner_id": cls.claimed.id, "content": "Matrix follow-up"}
        )
        request = (
            cls.env["sop.claim.request"]
            .with_user(cls.rep_a)
            .create({"partner_id": cls.claimed.id, "reason": "Matrix: we met them first"})
        )
        request.with_user(cls.support).action_approve()
        cls.targets = cls.owned | cls.owned_contact | cls.public | cls.claimed
        cls.tokens = {
            partner: list(_secrets(*args).values())
            for partner, args in (
                (cls.owned, ("owned", 1)),
                (cls.owned_contact, ("buyer", 2)),
                (cls.public, ("public", 3)),
                (cls.claimed, ("claimed", 4)),
            )
        }
        cls.tokens[cls.owned] += ["SECRETACC770001", "EventSecretDescription770002"]
        # rep of the owner's team, rep and manager of another team, support, former owner
        cls.roles = {
            "rep_same_team": cls.rep_b,
            "rep_other_team": cls.rep_c,
            "manager_other_team": cls.manager_b,
            "support": cls.support,
            "former_owner": cls.rep_d,
        }

    # -- the registry ----------------------------------------------------------------

    def _label_keys(self):
        display_name = self.env["res.partner"]._fields["display_name"]
        keys = set(self.env.registry.field_depends_context[display_name]) - {"lang", "uid"}
        return sorted(keys | set(KNOWN_LABEL_KEYS))

    def _partner_fields(self):
        """{model: [field names]} of every relational field to res.partner. A field through
        which a record *is* a partner (res.users, a company's own partner) is that record's
        identity, governed by its own rules, not a link to a customer."""
        found = {}
        for name in sorted(self.env.registry):
            Model = self.env[name]
            if Model._abstract:
                continue
            names = [
                fname
                for fname, field in Model._fields.items()
                if field.type in ("many2one", "many2many")
                and field.comodel_name == "res.partner"
                and not getattr(field, "delegate", False)
                and (name, fname) != ("res.company", "partner_id")
            ]
            if names:
                found[name] = names
        return found

    def _reaching_fields(self, Model, names):
        """The partner fields and every field computed or related from them."""
        reaching = set(names)
        for fname, field in Model._fields.items():
            for dep in self.env.registry.field_depends[field]:
                if dep.split(".")[0] in names:
                    reaching.add(fname)
        return reaching

    # -- values ----------------------------------------------------------------------

    def _filler(self, Model, skip):
        """Values for the required fields of `Model` that have no default."""
        required = [
            fname
            for fname, field in Model._fields.items()
            if field.required and field.store and not field.compute and not field.related and fname != skip
        ]
        defaults = Model.default_get(required) if required else {}
        vals = {}
        now = fields.Datetime.now()
        for fname in required:
            if fname in defaults:
                continue
            field = Model._fields[fname]
            if field.type in ("char", "text", "html"):
                vals[fname] = "Matrix"
            elif field.type == "selection":
                selection = field.get_values(Model.env)
                if selection:
                    vals[fname] = selection[0]
            elif field.type in ("integer", "float", "monetary"):
                vals[fname] = 1
            elif field.type == "datetime":
                vals[fname] = now
            elif field.type == "date":
                vals[fname] = now.date()
            elif field.type == "many2one":
                record = Model.env[field.comodel_name].search([], limit=1)
                if record:
                    vals[fname] = record.id
        return vals

    def _link_value(self, Model, fname, partner):
        return partner.id if Model._fields[fname].type == "many2one" else [(6, 0, partner.ids)]

    def _try_create(self, Model, fname, partner):
        """Create a record of `Model` pointing at `partner` through `fname`, or None."""
        try:
            with mute_logger(*MUTED), self.env.cr.savepoint():
                vals = self._filler(Model, fname)
                vals[fname] = self._link_value(Model, fname, partner)
                record = Model.create(vals)
                self.env.flush_all()
            return record
        except Exception:  # noqa: BLE001 any refusal or invalid filler: nothing was created
            self.env.invalidate_all()
            return None

    # -- leak detection --------------------------------------------------------------

    def _hidden_tokens(self, user):
        tokens = []
        for partner, values in self.tokens.items():
            if not partner.with_user(user).has_access("read"):
                tokens += values
        return tokens

    @staticmethod
    def _found(result, tokens):
        text = repr(result)
        bare = SEPARATORS.sub("", text)
        return [token for token in tokens if token in text or SEPARATORS.sub("", token) in bare]

    def _check(self, cell, call, tokens, leaks):
        """Run one cell (model, field, role, operation); a private value in its result is a leak."""
        self._cells += 1
        try:
            with mute_logger(*MUTED), self.env.cr.savepoint():
                result = call()
        except Exception:  # noqa: BLE001 refused (AccessError, UserError, ...): nothing came back
            self.env.invalidate_all()
            return
        for token in self._found(result, tokens):
            leaks.append((*cell, token))

    @staticmethod
    def _oracle(Model, path, value):
        return Model.search_count([(path, "=", value)]) > Model.search_count([(path, "=", f"{value}-decoy")])

    def _run(self, role, user, model, fname, tokens, leaks, label_keys):
        """Every operation of the matrix for one role on one field of a model."""
        Model = self.env[model].with_user(user)
        field = Model._fields[fname]
        readable = [
            f for f, desc in Model.fields_get(attributes=["type"]).items() if desc["type"] != "binary"
        ]
        domain = [(fname, "in", self.targets.ids)]
        # link: the role points a new record at each customer it may not read
        for partner in self.targets:
            if partner.with_user(user).has_access("read"):
                continue
            self._cells += 1
            record = self._try_create(Model, fname, partner)
            if record and fname not in getattr(Model, "_sop_unchecked_partner_links", ()):
                leaks.append((model, fname, role, "link", partner.name))
            if record:
                self._check((model, fname, role, "link"), lambda r=record: r.read(readable), tokens, leaks)
        if not field.store and not field.related:
            return
        self._check(
            (model, fname, role, "search"), lambda: Model.search(domain).read(readable), tokens, leaks
        )
        # fields of groups the role lacks are not described to it (nor searchable by it)
        searchable = Model.fields_get([fname], ["searchable"]).get(fname, {}).get("searchable")
        for partner in self.targets if searchable else ():
            for path, value in zip(PARTNER_PATHS, self.tokens[partner], strict=False):
                # a search by a private value tells the role that value when it finds more
                # than a search by a value nobody has
                self._check(
                    (model, fname, role, "search"),
                    lambda p=path, v=value: v if self._oracle(Model, f"{fname}.{p}", v) else "",
                    tokens,
                    leaks,
                )
        groupable = field.store
        if groupable:
            self._check(
                (model, fname, role, "read_group"),
                lambda: Model.read_group(domain, [fname], [fname], lazy=False),
                tokens,
                leaks,
            )
        export = [fname] + [f"{fname}/{path}" for path in PARTNER_PATHS] + [f for f in readable if f != "id"]
        self._check(
            (model, fname, role, "export"), lambda: Model.search(domain).export_data(export), tokens, leaks
        )
        # an export of records named by id, as /web/export/csv and /xlsx are asked for them
        every = self.env[model].with_context(active_test=False).search(domain).ids
        self._check(
            (model, fname, role, "export"), lambda: Model.browse(every).export_data(export), tokens, leaks
        )
        for key in label_keys:
            Keyed = Model.with_context(**{key: True})
            self._check(
                (model, fname, role, "label"), lambda K=Keyed: K.search(domain).read([fname]), tokens, leaks
            )
            if groupable:
                self._check(
                    (model, fname, role, "label"),
                    lambda K=Keyed: K.read_group(domain, [fname], [fname], lazy=False),
                    tokens,
                    leaks,
                )

    def test_no_private_value_reaches_another_role(self):
        label_keys = self._label_keys()
        partner_fields = self._partner_fields()
        # records that describe the customers, as an authorized user would have made them
        for model, fnames in partner_fields.items():
            Model = self.env[model]
            if Model._transient or not Model._auto:
                continue
            for fname in fnames:
                for partner in self.targets:
                    self._try_create(Model, fname, partner)
        leaks = []
        self._cells = 0
        size = Counter()
        for model, fnames in partner_fields.items():
            size["models"] += 1
            size["fields"] += len(self._reaching_fields(self.env[model], fnames))
            for role, user in self.roles.items():
                tokens = self._hidden_tokens(user)
                for fname in fnames if tokens else ():
                    self._run(role, user, model, fname, tokens, leaks, label_keys)
        size["roles"] = len(self.roles)
        size["operations"] = len(OPERATIONS)
        size["label_keys"] = len(label_keys)
        summary = (
            "privacy matrix: {models} models x {fields} fields x {roles} roles x {operations} operations "
            "(labels under {label_keys} context keys, {cells} cells run): {leaks} leaks"
        ).format(**size, cells=self._cells, leaks=len(leaks))
        print(summary)  # pylint: disable=print-used  # the matrix's size, for the CI log
        # the test can see a leak: support reads every customer, so its values come back
        self.assertIn("owned.secret@leak.example", repr(self.owned.with_user(self.support).read(["email"])))
        by_cell = Counter((model, fname, operation) for model, fname, _role, operation, _token in leaks)
        self.assertFalse(leaks, f"{summary}; by model, field and operation: {sorted(by_cell.items())}")
