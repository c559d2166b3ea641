from odoo.tests import new_test_user, tagged

from .common import SopHttpCase


class HandoverReadersTour:
    """A receiver opens a handover list and reads only the customers handed to them; sales
    support opens the same list and reads all of it."""

    lang = "en_US"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        rep = "sales_lead_sop.group_sop_rep"
        leaver = new_test_user(cls.env, "sop_tour_leaver", groups=rep)
        cls.receiver = new_test_user(cls.env, "sop_tour_receiver", groups=rep, lang=cls.lang)
        other = new_test_user(cls.env, "sop_tour_other_receiver", groups=rep)
        cls.support = new_test_user(
            cls.env, "sop_tour_handover_support", groups="sales_lead_sop.group_sop_support", lang=cls.lang
        )
        manager = new_test_user(
            cls.env, "sop_tour_handover_manager", groups="sales_lead_sop.group_sop_manager"
        )
        cls.env["crm.team"].create(
            {
                "name": "Tour Handover Team",
                "user_id": manager.id,
                "member_ids": [(6, 0, (leaver | cls.receiver | other).ids)],
            }
        )
        cls.env["res.partner"].create(
            [
                {
                    "name": f"Tour Handover {n}",
                    "is_company": True,
                    "sop_managed": True,
                    "user_id": leaver.id,
                    "sop_short_name": f"Tour HO {n}",
                    "sop_source_id": cls.env.ref("sales_lead_sop.utm_source_alibaba").id,
                    "sop_customer_type": "trader",
                    "sop_group_id": cls.env.ref("sales_lead_sop.customer_group_potential").id,
                    "sop_product_ids": [(0, 0, {"name": f"Tour HO Product {n}"})],
                    "country_id": cls.env.ref("base.cn").id,
                }
                for n in range(2)
            ]
        )
        handover = (
            cls.env["sop.handover"]
            .with_user(manager)
            .create({"from_user_id": leaver.id, "receiver_ids": [(6, 0, (cls.receiver | other).ids)]})
        )
        handover.action_preview()
        assert set(handover.line_ids.to_user_id.ids) == {cls.receiver.id, other.id}, "one customer each"
        # names the tour can look for, whichever customer the round-robin gave to whom
        for line in handover.line_ids:
            name = "Tour Given Mine Co" if line.to_user_id == cls.receiver else "Tour Given Theirs Co"
            line.partner_id.name = line.partner_name = name

    def test_receiver_and_support_read_the_handover(self):
        url = "/odoo/action-sales_lead_sop.sop_handover_action"
        self.start_tour(url, "sales_lead_sop_handover_receiver", login=self.receiver.login)
        self.start_tour(url, "sales_lead_sop_handover_support", login=self.support.login)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiHandoverReadersPhone(HandoverReadersTour, SopHttpCase):
    browser_size = "390x844"
    touch_enabled = True
    lang = "zh_CN"


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestUiHandoverReadersDesktop(HandoverReadersTour, SopHttpCase):
    browser_size = "1440x900"
