import re

from odoo import api, fields, models, tools

from ..tools.duplicate_keys import NameKeyNormalizer

WORD_KINDS = [("region", "Region"), ("legal_form", "Legal Form"), ("generic", "Generic Word")]
WORD_LANGS = [("zh", "Chinese"), ("latin", "Latin")]
REGION_LEVELS = [
    ("country", "Country"),
    ("province", "Province"),
    ("prefecture", "Prefecture-Level City"),
    ("county", "County-Level Division"),
    ("city", "City Abroad"),
]


class SopNameWord(models.Model):
    """A word the company-name key (公司名关键字段) leaves out: a region (苏州, Suzhou), a legal
    form (有限公司, Co., Ltd.) or a generic word (国际, International).

    Admins edit the list; every change recomputes the keys of all SOP customers in the
    background, in batches (see `res.partner._sop_recompute_name_keys`)."""

    _name = "sop.name.word"
    _description = "SOP Company-Name Word"
    _order = "kind, lang, name"

    name = fields.Char(string="Word", required=True)
    kind = fields.Selection(WORD_KINDS, required=True, default="region", index=True)
    lang = fields.Selection(
        WORD_LANGS,
        string="Script",
        compute="_compute_lang",
        store=True,
        help="Chinese words are removed wherever they appear; Latin words only as whole words.",
    )
    region_level = fields.Selection(
        REGION_LEVELS,
        string="Region Level",
        help="County-level short forms (吴中, 东方, 昆山) are also common trade names: they are only left "
        "out after another region word (苏州吴中…), inside parentheses or with their suffix (吴中区).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_kind_uniq", "unique(name, kind)", "This word is already in the list with this kind."),
    ]

    @api.depends("name")
    def _compute_lang(self):
        for word in self:
            word.lang = "zh" if re.search(r"[\u3400-\u9fff]", word.name or "") else "latin"

    # ------------------------------------------------------------------
    # ORM: any change of the list invalidates the keys
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        words = super().create(vals_list)
        self._sop_words_changed()
        return words

    def write(self, vals):
        res = super().write(vals)
        if {"name", "kind", "active", "region_level"} & set(vals):
            self._sop_words_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._sop_words_changed()
        return res

    def _sop_words_changed(self):
        """Forget the cached normaliser and schedule the recomputation of every key.

        While the module is being installed nothing is scheduled (no customer has a key yet);
        while it is updated with new words (a larger gazetteer), the recomputation is only
        marked pending: the job runs once the update is done (triggered at registry load, see
        `_register_hook`).
        """
        self.env.registry.clear_cache()
        param = self.env["ir.config_parameter"].sudo()  # sudo: the job's resume point is a system parameter
        if not self.env.registry.ready:
            self.env.cr.execute("SELECT 1 FROM res_partner WHERE sop_managed AND active LIMIT 1")
            if self.env.cr.fetchone() and param.get_param("sales_lead_sop.name_keys_from_id") != "0":
                param.set_param("sales_lead_sop.name_keys_from_id", "0")
            return
        cron = self.env.ref("sales_lead_sop.ir_cron_sop_name_keys", raise_if_not_found=False)
        if cron:
            param.set_param("sales_lead_sop.name_keys_from_id", "0")
            cron.sudo()._trigger()  # sudo: admins editing words need not manage scheduled actions

    def _register_hook(self):
        """After an update that changed the words: run the pending recomputation soon rather than
        at the job's next daily run."""
        res = super()._register_hook()
        param = self.env["ir.config_parameter"].sudo()  # sudo: reading the job's resume point
        if param.get_param("sales_lead_sop.name_keys_from_id") == "0":
            cron = self.env.ref("sales_lead_sop.ir_cron_sop_name_keys", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()  # sudo: the system schedules its own job
        return res

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------

    @api.model
    def _sop_normalizer(self):
        """The company-name normaliser built from the active words (cached per registry)."""
        return self._sop_cached_normalizer()

    @tools.ormcache()
    def _sop_cached_normalizer(self):
        self.flush_model(["name", "kind", "active", "region_level"])
        self.env.cr.execute("SELECT name, kind, region_level FROM sop_name_word WHERE active")
        return NameKeyNormalizer(self.env.cr.fetchall())

    @api.model
    def _sop_name_key(self, name):
        """Normalised key of a company name, '' for an empty name."""
        return self._sop_normalizer().key(name or "")
