from odoo.tests import tagged

from .common import SopCommon

# Corpus of company-name pairs (SOP.md §5): the first name is a saved customer, the second is
# typed in the check before entry. MATCH: found as the same or a similar company name;
# NO_MATCH: not found (same trade name in another industry, other companies).
MATCH = [
    # Chinese: region first, in parentheses, before the legal form; legal forms; branches
    ("苏州日东精密电子有限公司", "日东精密电子（苏州）有限公司"),
    ("苏州日东精密电子有限公司", "苏州日东精密电子中心有限公司"),
    ("苏州日东精密电子有限公司", "江苏省苏州市日东精密电子有限公司"),
    ("苏州日东精密电子有限公司", "日东精密电子有限公司深圳分公司"),
    ("苏州日东精密电子有限公司", "苏州 日东 精密电子 有限公司"),
    ("苏州日东精密电子有限公司", "苏州日东精密电子科技有限公司"),
    ("深圳市华拓照明科技有限公司", "华拓照明科技（深圳）有限公司"),
    ("深圳市华拓照明科技有限公司", "深圳市南山区华拓照明科技有限公司"),
    ("宁波海辰五金制品有限公司", "海辰五金制品(宁波)有限公司"),
    ("宁波海辰五金制品有限公司", "宁波海辰五金制品股份有限公司"),
    ("杭州博瑞信息科技有限公司", "博瑞信息科技有限公司杭州分公司"),
    ("广州远洋进出口贸易有限公司", "远洋贸易（广州）有限公司"),
    ("厦门鹭江电器有限公司", "厦门鹭江电器厂"),
    ("上海恒泰机械设备有限公司", "上海恒泰机械设备有限责任公司"),
    ("北京中科新材料集团有限公司", "中科新材料（北京）有限公司"),
    ("温州正泰电器有限公司", "正泰电器集团股份有限公司"),
    ("义乌美佳工艺品商行", "义乌市美佳工艺品有限公司"),
    ("东莞市金梦塑胶五金有限公司", "金梦塑胶五金【东莞】有限公司"),
    ("青岛联创橡胶制品有限公司", "青岛联创橡胶制品有限公司"),
    ("佛山市顺德区宏达电器有限公司", "宏达电器（佛山）有限公司"),
    ("武汉长江光电科技有限公司", "长江光电科技（武汉）有限公司"),
    ("成都天府环保科技有限公司", "天府环保科技有限公司成都分公司"),
    ("日东国际贸易有限公司", "日东贸易有限公司"),
    ("中山大洋电机股份有限公司", "大洋电机（中山）有限公司"),
    ("青岛啤酒股份有限公司", "青岛啤酒有限公司"),
    # Latin
    ("Suzhou Ridong Precision Electronics Co., Ltd.", "RIDONG PRECISION ELECTRONICS (SUZHOU) CO LTD"),
    ("Suzhou Ridong Precision Electronics Co., Ltd.", "Ridong Precision Electronic Co Ltd"),
    ("Acme Lighting GmbH", "ACME LIGHTING LLC"),
    ("Northwind Hardware Inc.", "Northwind Hardware, Inc"),
    ("Northwind Hardware Inc.", "Northwind Hardwares Inc."),
    ("Shenzhen Huatuo Lighting Technology Co.,Ltd", "Huatuo Lighting Technology (Shenzhen) Co., Ltd."),
    ("Maison Textiles S.A.", "Maison Textiles SA"),
    ("Milano Valves S.R.L.", "MILANO VALVES SRL"),
    ("Pioneer Tools Pty Ltd", "Pioneer Tools Pty. Ltd."),
    ("Atlas Components B.V.", "Atlas Components BV"),
    ("The Summit Trading Company", "Summit Trading Co."),
    ("Orion Electricals Private Limited", "ORION ELECTRICALS PVT LTD"),
    ("Ningbo Haichen Hardware Products Co., Ltd.", "Haichen Hardware Products (Ningbo) Co., Ltd"),
    ("Vertex Industrial Supplies LLC", "Vertex Industrial Supplies LLC - Dubai Branch"),
    ("Summit Tools GmbH", "Ｓｕｍｍｉｔ Ｔｏｏｌｓ ＧｍｂＨ"),
    ("Apex Home Goods Inc", "Apex Home Goods International Inc."),
    # Mixed scripts and full-width Latin
    ("苏州ABC电子有限公司", "ＡＢＣ电子（苏州）有限公司"),
    ("深圳TCL照明有限公司", "TCL照明（深圳）有限公司"),
    ("上海ABB电气有限公司", "ABB电气(上海)有限公司"),
    ("苏州3M材料有限公司", "3M材料（苏州）有限公司"),
]
NO_MATCH = [
    # Same trade name, another industry
    ("苏州日东精密电子有限公司", "苏州日东照明有限公司"),
    ("苏州日东精密电子有限公司", "杭州日东精密机械有限公司"),
    ("宁波海辰五金制品有限公司", "宁波海辰纺织品有限公司"),
    ("杭州博瑞信息科技有限公司", "杭州博瑞医疗器械有限公司"),
    ("深圳市华拓照明科技有限公司", "深圳华拓物流装备有限公司"),
    ("温州正泰电器有限公司", "温州正泰阀门有限公司"),
    ("青岛联创橡胶制品有限公司", "青岛联创电子有限公司"),
    ("中山大洋电机股份有限公司", "中山大洋服饰有限公司"),
    ("义乌美佳工艺品商行", "义乌美佳食品有限公司"),
    ("东莞市金梦塑胶五金有限公司", "东莞金梦家居用品有限公司"),
    ("上海恒泰机械设备有限公司", "上海恒泰食品有限公司"),
    ("Acme Lighting GmbH", "Acme Textiles GmbH"),
    ("Northwind Hardware Inc.", "Northwind Logistics Inc."),
    ("Pioneer Tools Pty Ltd", "Pioneer Foods Pty Ltd"),
    ("Orion Electricals Private Limited", "Orion Textiles Private Limited"),
    ("Suzhou Ridong Precision Electronics Co., Ltd.", "Suzhou Ridong Textiles Co., Ltd."),
    ("Maison Textiles S.A.", "Maison Furniture S.A."),
    ("Atlas Components B.V.", "Atlas Copco B.V."),
    ("苏州ABC电子有限公司", "ABC照明（苏州）有限公司"),
    ("苏州3M材料有限公司", "3M医疗（苏州）有限公司"),
    # A place name that is the trade name is kept
    ("青岛啤酒股份有限公司", "青岛电子有限公司"),
    ("朝阳科技有限公司", "南京科技有限公司"),
    ("Sydney Lighting Pty Ltd", "Toronto Lighting Inc."),
    # Unrelated companies
    ("苏州日东精密电子有限公司", "宁波海辰五金制品有限公司"),
    ("Acme Lighting GmbH", "Northwind Hardware Inc."),
]


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateNameKey(SopCommon):
    """Company-name keys and the similar-name search on a corpus of real-looking pairs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        names = {first for first, _second in MATCH + NO_MATCH}
        # The saved side of the corpus, public; created without the check as they resemble
        # each other on purpose.
        Partner = cls.env["res.partner"].with_context(sop_skip_duplicate_check=True)
        cls.saved = {name: Partner.create(cls._customer_vals(name)) for name in sorted(names)}

    def test_issue_examples(self):
        Word = self.env["sop.name.word"]
        for name in (
            "苏州日东精密电子有限公司",
            "日东精密电子（苏州）有限公司",
            "苏州日东精密电子中心有限公司",
        ):
            self.assertEqual(Word._sop_name_key(name), "日东精密电子", name)
        self.assertEqual(
            Word._sop_name_key("Suzhou Ridong Precision Electronics Co., Ltd."),
            Word._sop_name_key("RIDONG PRECISION ELECTRONICS (SUZHOU) CO LTD"),
        )
        self.assertEqual(self.saved["苏州日东精密电子有限公司"].sop_name_key, "日东精密电子")

    def test_keys_fold_width_case_and_place_names(self):
        Word = self.env["sop.name.word"]
        self.assertEqual(Word._sop_name_key("ＡＢＣ电子（苏州）有限公司"), "abc电子")
        self.assertEqual(Word._sop_name_key("Acme S.R.L."), "acme")
        # A region at the start stays when what remains would be too short to be a name:
        self.assertEqual(Word._sop_name_key("Sydney Lighting Pty Ltd"), "sydneylighting")
        self.assertEqual(Word._sop_name_key("朝阳科技有限公司"), "朝阳科技")
        # ...but not when it carries an administrative suffix (市, 省...).
        self.assertEqual(Word._sop_name_key("苏州市日东有限公司"), "日东")
        # Only region and legal words: the folded name itself is the key.
        self.assertEqual(Word._sop_name_key("苏州有限公司"), "苏州有限公司")

    def test_corpus(self):
        self.assertGreaterEqual(len(MATCH) + len(NO_MATCH), 60)
        Partner = self.env["res.partner"].with_user(self.admin)
        failures = []
        for expected, pairs in ((True, MATCH), (False, NO_MATCH)):
            for saved, typed in pairs:
                found = {
                    row["partner_id"]
                    for row in Partner.sop_find_duplicates({"name": typed})
                    if row["match"] in ("name", "similar_name")
                }
                if (self.saved[saved].id in found) != expected:
                    failures.append((saved, typed, expected))
        self.assertEqual(failures, [], "pairs whose outcome differs from the corpus")

    def test_similarity_threshold_both_sides(self):
        """日东精密电子 / 日东精密电子科技 have a trigram similarity of exactly 0.6."""
        Partner = self.env["res.partner"].with_user(self.admin)
        saved = self.saved["苏州日东精密电子有限公司"]
        typed = {"name": "苏州日东精密电子科技有限公司"}
        param = self.env["ir.config_parameter"]
        param.set_param("sales_lead_sop.duplicate_similarity", 60)
        rows = [r for r in Partner.sop_find_duplicates(typed) if r["partner_id"] == saved.id]
        self.assertEqual([r["match"] for r in rows], ["similar_name"])
        self.assertEqual(rows[0]["similarity"], 0.6)
        param.set_param("sales_lead_sop.duplicate_similarity", 61)
        rows = [r for r in Partner.sop_find_duplicates(typed) if r["partner_id"] == saved.id]
        self.assertEqual(rows, [])

    def test_without_trigram_exact_only(self):
        """Without pg_trgm the check degrades to exact keys."""
        Partner = self.env["res.partner"].with_user(self.admin)
        saved = self.saved["苏州日东精密电子有限公司"]
        self.patch(self.env.registry, "has_trigram", False)
        rows = Partner.sop_find_duplicates({"name": "苏州日东精密电子科技有限公司"})
        self.assertNotIn(saved.id, [r["partner_id"] for r in rows])
        rows = Partner.sop_find_duplicates({"name": "日东精密电子（苏州）有限公司"})
        self.assertIn((saved.id, "name"), [(r["partner_id"], r["match"]) for r in rows])

    def test_word_list_change_recomputes_keys(self):
        saved = self.saved["苏州日东精密电子有限公司"]
        other = self.saved["宁波海辰五金制品有限公司"]
        param = self.env["ir.config_parameter"]
        word = self.env["sop.name.word"].with_user(self.admin).create({"name": "精密", "kind": "generic"})
        self.assertEqual(word.lang, "zh")
        self.assertEqual(param.get_param("sales_lead_sop.name_keys_from_id"), "0")
        self.assertEqual(saved.sop_name_key, "日东精密电子", "recomputed by the job, not at once")
        self.env["res.partner"]._cron_sop_recompute_name_keys()
        self.assertEqual(saved.sop_name_key, "日东电子")
        self.assertEqual(other.sop_name_key, "海辰五金制品")
        self.assertFalse(param.get_param("sales_lead_sop.name_keys_from_id"))
        # A second run has nothing to do; archiving the word brings the old key back.
        self.env["res.partner"]._cron_sop_recompute_name_keys()
        self.assertEqual(saved.sop_name_key, "日东电子")
        word.active = False
        self.env["res.partner"]._cron_sop_recompute_name_keys()
        self.assertEqual(saved.sop_name_key, "日东精密电子")

    def test_recompute_in_batches_resumes(self):
        """The backfill stops on its time budget at a batch boundary and resumes from there."""
        Partner = self.env["res.partner"]
        saved = self.saved["苏州日东精密电子有限公司"]
        self.env.cr.execute("DELETE FROM sop_partner_key WHERE kind = 'name'")
        Partner.invalidate_model(["sop_name_key"])
        self.assertFalse(saved.sop_name_key)
        self.env["ir.config_parameter"].set_param("sales_lead_sop.duplicate_key_batch_size", 2)
        last = Partner._sop_recompute_name_keys(from_id=0, time_budget=-1)
        self.assertTrue(last, "stopped after the first batch")
        self.assertIsNone(Partner._sop_recompute_name_keys(from_id=last))
        self.assertEqual(saved.sop_name_key, "日东精密电子")
