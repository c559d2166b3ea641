from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestSourceClasses(SopCommon):
    """Sources are grouped into the classes of [002 二(二)1]; the source and campaign report reads
    them per class."""

    def test_shipped_sources_are_classified(self):
        online = self.env.ref("sales_lead_sop.source_class_online")
        self.assertEqual(self.source_alibaba.sop_class_id, online)
        self.assertEqual(self.env.ref("utm.utm_source_linkedin").sop_class_id, online)
        self.assertEqual(
            self.env.ref("sales_lead_sop.utm_source_trade_show").sop_class_id,
            self.env.ref("sales_lead_sop.source_class_event"),
        )
        shipped = self.env["utm.source"].search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(f"sales_lead_sop.utm_source_{name}").id
                        for name in (
                            "alibaba",
                            "website",
                            "prospecting",
                            "xiaoman",
                            "social",
                            "trade_show",
                            "referral",
                            "other",
                            "unknown",
                        )
                    ],
                )
            ]
        )
        self.assertTrue(all(shipped.mapped("sop_class_id")))

    def test_campaign_report_grouped_and_filtered_by_class(self):
        event = self.env.ref("sales_lead_sop.source_class_event")
        expo = (
            self.env["utm.source"]
            .with_user(self.admin)
            .create({"name": "Class Test Expo", "sop_class_id": event.id})
        )
        Lead = self.env["crm.lead"].with_user(self.rep_a)
        Lead.create(
            [{"name": f"Expo lead {n}", "source_id": expo.id, "user_id": self.rep_a.id} for n in range(3)]
        )
        Lead.create({"name": "Alibaba lead", "source_id": self.source_alibaba.id, "user_id": self.rep_a.id})
        Report = self.env["sop.campaign.report"].with_user(self.manager_a)
        domain = [("user_id", "=", self.rep_a.id)]
        groups = dict(Report._read_group(domain, ["source_class_id"], ["lead_count:sum"]))
        self.assertEqual(groups[event], 3)
        self.assertEqual(groups[self.env.ref("sales_lead_sop.source_class_online")], 1)
        self.assertEqual(Report.search_count([*domain, ("source_class_id", "=", event.id)]), 3)
        # a source moved to another class is reported there at once
        expo.with_user(self.admin).sop_class_id = self.env.ref("sales_lead_sop.source_class_other")
        self.env.flush_all()  # the report is read in a later request
        self.assertFalse(Report.search_count([*domain, ("source_class_id", "=", event.id)]))

    def test_rep_reads_classes_admin_edits_them(self):
        classes = self.env["sop.source.class"].with_user(self.rep_a).search([])
        self.assertEqual(len(classes), 5)
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            with self.env.cr.savepoint():
                classes[:1].with_user(self.rep_a).name = "Mine"
        classes[:1].with_user(self.admin).name = "Events and Shows"
        self.assertEqual(classes[:1].name, "Events and Shows")
