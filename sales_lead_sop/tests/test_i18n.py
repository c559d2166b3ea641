from pathlib import Path

import polib

from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools.translate import TranslationModuleReader

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestI18n(TransactionCase):
    """Every user-facing string is in the .pot, and zh_CN.po translates all of them."""

    def test_pot_is_current(self):
        exported = {
            source
            for _module, _type, _name, _res_id, source, _value, _comments in TranslationModuleReader(
                self.env.cr, modules=["sales_lead_sop"]
            )
            if source
        }
        in_pot = {entry.msgid for entry in polib.pofile(str(I18N / "sales_lead_sop.pot"))}
        missing = sorted(exported - in_pot)
        self.assertFalse(missing, f"run `make pot`: strings missing from the .pot: {missing[:20]}")

    def test_zh_cn_translates_every_string(self):
        pot = polib.pofile(str(I18N / "sales_lead_sop.pot"))
        translated = {entry.msgid for entry in polib.pofile(str(I18N / "zh_CN.po")) if entry.msgstr}
        untranslated = [entry.msgid for entry in pot if entry.msgid not in translated]
        self.assertFalse(untranslated, f"zh_CN.po lacks translations for: {untranslated[:20]}")

    def test_zh_cn_is_loaded_for_chinese_users(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        group = self.env.ref("sales_lead_sop.group_sop_rep").with_context(lang="zh_CN")
        self.assertEqual(group.name, "业务员")
