from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateKeyword(SopCommon):
    """Keyword search of the check before entry (撞单查询 by 字号), phones without +country, and
    the keys of the gazetteer, the legal forms and the folding of issue 21."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owned = cls._create_customer("苏州鹭拓精密电子有限公司", user=cls.rep_a)
        cls.public = cls._create_customer("深圳鹭拓照明有限公司")
        cls.mine = cls._create_customer("鹭拓包装材料有限公司", user=cls.rep_b)
        cls.topway = cls._create_customer("Zyqway Lighting GmbH", user=cls.rep_a)
        cls.other = cls._create_customer("宁波海辰五金制品有限公司")

    def _keyword(self, user, keyword):
        rows = self.env["res.partner"].with_user(user).sop_find_duplicates({"keyword": keyword})
        return [row for row in rows if row["match"] == "keyword"]

    def test_two_character_chinese_keyword(self):
        rows = self._keyword(self.rep_b, "鹭拓")
        self.assertEqual(len(rows), 3)
        by_status = {row["status"]: row for row in rows}
        self.assertEqual(set(by_status), {"owned", "public", "mine"})
        # Another rep's customer: owner and date only, never its id or name.
        owned = by_status["owned"]
        self.assertEqual((owned["owner"], owned["partner_id"], owned["name"]), ("Rep A", False, False))
        self.assertEqual(by_status["mine"]["partner_id"], self.mine.id)
        found = {
            row["partner_id"]
            for row in self.env["res.partner"].with_user(self.admin).sop_find_duplicates({"keyword": "鹭拓"})
        }
        self.assertEqual(found, {self.owned.id, self.public.id, self.mine.id})

    def test_keyword_folds_like_the_keys(self):
        # Traditional characters, full width, case and spaces fold as the keys do.
        self.assertEqual(len(self._keyword(self.rep_b, "鷺拓")), 3)
        self.assertEqual(len(self._keyword(self.rep_b, "ＺＹＱ way")), 1)
        self.assertEqual(self._keyword(self.rep_b, "zyqway")[0]["status"], "owned")
        # Two Latin characters (bigram index), and a keyword that is in no key.
        self.assertEqual(len(self._keyword(self.rep_b, "yQ")), 1)
        self.assertEqual(self._keyword(self.rep_b, "月球"), [])

    def test_keyword_ranks_keys_starting_with_it_first(self):
        self._create_customer("华鹭拓方贸易有限公司")
        rows = self._keyword(self.admin, "鹭拓")
        self.assertEqual(len(rows), 4)
        # The admin reads all four: the one whose key does not start with 鹭拓 comes last within
        # its status, and the shorter key covers more of it.
        scores = {row["name"]: row["similarity"] for row in rows}
        self.assertGreater(scores["苏州鹭拓精密电子有限公司"], 0)
        self.assertEqual(scores["深圳鹭拓照明有限公司"], 0.5)

    def test_keyword_too_short_or_archived(self):
        with self.assertRaises(UserError):
            self._keyword(self.rep_b, "日")
        with self.assertRaises(UserError):
            self._keyword(self.rep_b, " ( ) ")
        self.public.active = False
        self.assertEqual(len(self._keyword(self.rep_b, "鹭拓")), 2)

    def test_keyword_follows_renames(self):
        self.public.name = "深圳华光照明有限公司"
        self.assertEqual(len(self._keyword(self.rep_b, "鹭拓")), 2)
        self.assertEqual(self._keyword(self.admin, "华光")[0]["partner_id"], self.public.id)

    def test_keyword_in_the_wizard(self):
        check = self.env["sop.duplicate.check"].with_user(self.rep_b).create({"keyword": "鹭拓"})
        check.action_check()
        lines = check.line_ids.filtered(lambda line: line.match == "keyword")
        self.assertEqual(sorted(lines.mapped("status")), ["mine", "owned", "public"])
        self.assertFalse(lines.filtered(lambda line: line.status == "owned").customer_name)

    def test_national_phone_without_country_asks_for_it(self):
        self.env.company.country_id = False
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.phone_country_id", "")
        self._create_customer("苏州新宇汽车配件有限公司", phone="+86 512 6666 1234")
        Partner = self.env["res.partner"].with_user(self.rep_b)
        with self.assertRaises(UserError):
            Partner.sop_find_duplicates({"phone": "0512 6666 1234"})
        # With the country given, or in international form, the phone is found.
        rows = Partner.sop_find_duplicates({"phone": "0512 6666 1234", "country_id": self.country_cn.id})
        self.assertIn("phone", [row["match"] for row in rows])
        self.assertIn(
            "phone", [row["match"] for row in Partner.sop_find_duplicates({"phone": "+86 512 6666 1234"})]
        )
        check = self.env["sop.duplicate.check"].with_user(self.rep_b).create({"phone": "0512 6666 1234"})
        self.assertFalse(check.country_id)
        check.action_check()
        self.assertTrue(check.needs_country)
        self.assertFalse(check.checked)
        check.country_id = self.country_cn
        check.action_check()
        self.assertFalse(check.needs_country)
        self.assertIn("phone", check.line_ids.mapped("match"))

    def test_gazetteer_legal_forms_and_folding(self):
        Word = self.env["sop.name.word"]
        key = Word._sop_name_key
        # Every administrative level before the trade name, and the township rule.
        self.assertEqual(key("江苏省苏州市吴中区木渎镇日东精密电子有限公司"), "日东精密电子")
        self.assertEqual(key("深圳市宝安区西乡街道日东精密电子有限公司"), "日东精密电子")
        self.assertEqual(key("日东精密电子（吴中）有限公司"), "日东精密电子")
        self.assertEqual(key("宜昌长阳日东精密电子有限公司"), "日东精密电子")
        # County-level short forms that are trade names stay at the start; a city stays when
        # too little would remain.
        self.assertEqual(key("东方电气设备有限公司"), "东方电气设备")
        self.assertEqual(key("昆山电子有限公司"), "昆山电子")
        self.assertEqual(key("长城汽车配件有限公司"), "长城汽车配件")
        self.assertEqual(key("中山电机有限公司"), "中山电机")
        # Traditional characters, diacritics, transliterations, & and the world's legal forms.
        self.assertEqual(key("臺灣日東精密電子股份有限公司"), "日东精密电子")
        self.assertEqual(key("Müller Werkzeugbau GmbH & Co. KG"), key("MUELLER WERKZEUGBAU GMBH & CO KG"))
        self.assertEqual(key("Société Textile SARL"), key("Societe Textile S.A.R.L."))
        self.assertEqual(key("Größe Antriebstechnik GmbH"), key("Grosse Antriebstechnik GmbH"))
        for form in (
            "Sp. z o.o.",
            "sp. z o. o.",
            "SP Z OO",
            "Pvt. Ltd.",
            "Private Limited",
            "Sdn. Bhd.",
            "Tbk",
        ):
            self.assertEqual(key(f"Kowalski Metal {form}"), "kowalskimetal", form)
        self.assertEqual(key("PT Maju Jaya Tbk"), "majujaya")
        self.assertEqual(key("Công ty TNHH Minh Phát"), key("Minh Phat Co., Ltd."))
        self.assertEqual(key("Anadolu Makina San. ve Tic. Ltd. Şti."), "anadolumakina")
        # Short forms of other countries stay where they could be a word of the name.
        self.assertEqual(key("AS Foods Ltd"), "asfoods")

    def test_region_level_is_editable(self):
        Word = self.env["sop.name.word"].with_user(self.admin)
        word = Word.search([("name", "=", "东方"), ("kind", "=", "region")])
        self.assertEqual(word.region_level, "county")
        word.region_level = "prefecture"
        self.assertEqual(self.env["ir.config_parameter"].get_param("sales_lead_sop.name_keys_from_id"), "0")
        self.assertEqual(Word._sop_name_key("东方电气设备有限公司"), "电气设备")
