from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateNameKey(SopCommon):
    def test_issue_examples(self):
        Word = self.env["sop.name.word"]
        for name in ("苏州日东精密电子有限公司", "日东精密电子（苏州）有限公司", "苏州日东精密电子中心有限公司"):
            self.assertEqual(Word._sop_name_key(name), "日东精密电子", name)
        self.assertEqual(
            Word._sop_name_key("Suzhou Ridong Precision Electronics Co., Ltd."),
            Word._sop_name_key("RIDONG PRECISION ELECTRONICS (SUZHOU) CO LTD"),
        )
