import re

from odoo import api, fields, models, tools

from ..tools.duplicate_keys import NameKeyNormalizer

WORD_KINDS = [("region", "Region"), ("legal_form", "Legal Form"), ("generic", "Generic Word")]
WORD_LANGS = [("zh", "Chinese"), ("latin", "Latin")]


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
        if {"name", "kind", "active"} & set(vals):
            self._sop_words_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._sop_words_changed()
        return res

    def _sop_words_changed(self):
        """Forget the cached normaliser and schedule the recomputation of every key.

        While the module is being installed or updated (registry not ready) nothing is
        scheduled: the keys are computed by the install itself or were already up to date.
        """
        self.env.registry.clear_cache()
        cron = self.env.ref("sales_lead_sop.ir_cron_sop_name_keys", raise_if_not_found=False)
        if cron and self.env.registry.ready:
            self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.name_keys_from_id", "0")
            cron.sudo()._trigger()  # sudo: admins editing words need not manage scheduled actions

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------

    @api.model
    def _sop_normalizer(self):
        """The company-name normaliser built from the active words (cached per registry)."""
        return self._sop_cached_normalizer()

    @tools.ormcache()
    def _sop_cached_normalizer(self):
        self.flush_model(["name", "kind", "active"])
        self.env.cr.execute("SELECT name, kind FROM sop_name_word WHERE active")
        return NameKeyNormalizer(self.env.cr.fetchall())

    @api.model
    def _sop_name_key(self, name):
        """Normalised key of a company name, '' for an empty name."""
        return self._sop_normalizer().key(name or "")
