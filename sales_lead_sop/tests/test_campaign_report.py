from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SopCommon

NOV = [("date", ">=", date(2026, 11, 1)), ("date", "<", date(2026, 12, 1))]
MEASURES = [
    "lead_count:sum",
    "valid_lead_count:sum",
    "customer_count:sum",
    "opportunity_count:sum",
    "opportunity_amount:sum",
    "won_count:sum",
    "won_amount:sum",
    "valid_lead_rate:avg",
    "lead_customer_rate:avg",
    "customer_opportunity_rate:avg",
    "opportunity_won_rate:avg",
]


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCampaignReport(SopCommon):
    """Hand-computed dataset: source Expo (campaigns Fair and Mailing) and source Web.

    Expo / Fair, November: 5 leads
      L1 invalid
      L2 lead of Cust 1
      L3 opportunity of a contact of Cust 1, 1000 expected, won with a 1200 order
      L4 opportunity of Cust 2, 500 expected, open
      L5 opportunity of Cust 2, 300 expected, won then reopened
    Expo / Mailing: L6 lead of Cust 3 (November), L7 opportunity of Cust 3 (31 October 23:00 in
    Shanghai, 15:00 UTC; won, 800)
    Web / no campaign: L8 lead without customer (November)
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "Asia/Shanghai"  # days are cut at UTC+8
        cls.expo = cls.env["utm.source"].create({"name": "Test Expo"})
        cls.web = cls.env["utm.source"].create({"name": "Test Web"})
        cls.fair = cls.env["utm.campaign"].create({"name": "Test Fair"})
        cls.mailing = cls.env["utm.campaign"].create({"name": "Test Mailing"})
        stage_open = cls.env["crm.stage"].search(
            [("is_won", "=", False), ("sop_pipeline", "=", True)], limit=1
        )
        stage_won = cls.env["crm.stage"].search([("is_won", "=", True), ("sop_pipeline", "=", True)], limit=1)
        cust1 = cls._create_customer("Cust 1", user=cls.rep_a)
        cust1_contact = cls.env["res.partner"].create(
            {"name": "Buyer of Cust 1", "parent_id": cust1.id, "email": "buyer@cust1.example.com"}
        )
        cust2 = cls._create_customer("Cust 2", user=cls.rep_a)
        cust3 = cls._create_customer("Cust 3", user=cls.rep_a)
        fair = {"source_id": cls.expo.id, "campaign_id": cls.fair.id}
        mailing = {"source_id": cls.expo.id, "campaign_id": cls.mailing.id}
        Lead = cls.env["crm.lead"]
        leads = Lead.create(
            [
                cls._lead("L1", type="lead", **fair),
                cls._lead("L2", type="lead", partner_id=cust1.id, **fair),
                cls._lead(
                    "L3", type="opportunity", partner_id=cust1_contact.id, expected_revenue=1000, **fair
                ),
                cls._lead("L4", type="opportunity", partner_id=cust2.id, expected_revenue=500, **fair),
                cls._lead("L5", type="opportunity", partner_id=cust2.id, expected_revenue=300, **fair),
                cls._lead("L6", type="lead", partner_id=cust3.id, **mailing),
                cls._lead("L7", type="opportunity", partner_id=cust3.id, expected_revenue=800, **mailing),
                cls._lead("L8", type="lead", source_id=cls.web.id),
            ]
        )
        cls.cust1, cls.cust1_contact, cls.cust3 = cust1, cust1_contact, cust3
        cls.l1, cls.l2, cls.l3, cls.l4, cls.l5, cls.l6, cls.l7, cls.l8 = leads
        cls.l1.write(
            {
                "sop_lead_type": "invalid",
                "sop_invalid_reason_id": cls.env.ref("sales_lead_sop.invalid_reason_bad_inquiry").id,
            }
        )
        with freeze_time("2026-11-20 09:00:00"):
            (cls.l3 | cls.l5 | cls.l7).write({"stage_id": stage_won.id})
            cls.l3.sop_order_amount = 1200
            cls.l5.write({"stage_id": stage_open.id})
        leads.flush_recordset()
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id IN %s",
            (datetime(2026, 11, 3, 9, 0), tuple((leads - cls.l7).ids)),
        )
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s", (datetime(2026, 10, 31, 15, 0), cls.l7.id)
        )
        leads.invalidate_recordset()

    @classmethod
    def _lead(cls, name, **vals):
        return dict(name=name, user_id=cls.rep_a.id, team_id=cls.team_a.id, **vals)

    def _groups(self, domain, groupby, env=None):
        report = (env or self.env)["sop.campaign.report"]
        domain = [("source_id", "in", (self.expo | self.web).ids), *domain]
        return {
            tuple(group[name] and group[name][0] for name in groupby): group
            for group in report.read_group(domain, MEASURES, groupby, lazy=False)
        }

    def _assert_group(self, group, counts, rates):
        names = ["lead_count", "valid_lead_count", "customer_count", "opportunity_count"]
        names += ["opportunity_amount", "won_count", "won_amount"]
        self.assertEqual([group[name] for name in names], counts)
        rate_names = [
            "valid_lead_rate",
            "lead_customer_rate",
            "customer_opportunity_rate",
            "opportunity_won_rate",
        ]
        for name, expected in zip(rate_names, rates, strict=True):
            self.assertAlmostEqual(group[name], expected, msg=name)

    def test_per_source_and_campaign_over_november(self):
        groups = self._groups(NOV, ["source_id", "campaign_id"])
        self.assertEqual(len(groups), 3)
        # Fair: customers Cust 1 (L2, L3 via its contact) and Cust 2 (L4, L5), both with an
        # opportunity; 1 of 3 opportunities won (the reopened one is not), for its order amount
        self._assert_group(
            groups[self.expo.id, self.fair.id], [5, 4, 2, 3, 1800, 1, 1200], [80, 40, 100, 100.0 / 3]
        )
        # Mailing in November: only L6 (L7 was created in October)
        self._assert_group(groups[self.expo.id, self.mailing.id], [1, 1, 1, 0, 0, 0, 0], [100, 100, 0, 0])
        self._assert_group(groups[self.web.id, False], [1, 1, 0, 0, 0, 0, 0], [100, 0, 0, 0])

    def test_rates_stay_correct_when_grouped_by_source(self):
        """Expo in November: 6 leads, 3 distinct customers, 2 of them with an opportunity.
        A mean of the leads' own rates would say 83 % lead to customer instead of 50 %."""
        expo = self._groups(NOV, ["source_id"])[(self.expo.id,)]
        self._assert_group(expo, [6, 5, 3, 3, 1800, 1, 1200], [500.0 / 6, 50, 200.0 / 3, 100.0 / 3])

    def test_period_is_chosen_freely(self):
        """October and November: Mailing gets L7 (Cust 3 again: still one customer)."""
        period = [("date", ">=", date(2026, 10, 1)), ("date", "<", date(2026, 12, 1))]
        mailing = self._groups(period, ["source_id", "campaign_id"])[self.expo.id, self.mailing.id]
        self._assert_group(mailing, [2, 2, 1, 1, 800, 1, 800], [100, 50, 100, 100])
        october = [("date", ">=", date(2026, 10, 1)), ("date", "<", date(2026, 11, 1))]
        self.assertEqual(list(self._groups(october, ["campaign_id"])), [(self.mailing.id,)])
        # an hour later it is 1 November in Shanghai
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s", (datetime(2026, 10, 31, 16, 0), self.l7.id)
        )
        self.assertFalse(self._groups(october, ["campaign_id"]))

    def test_rep_sees_only_own_leads(self):
        self.assertFalse(self._groups(NOV, ["source_id"], env=self.env(user=self.rep_c)))
        own = self._groups(NOV, ["source_id"], env=self.env(user=self.rep_a))
        self.assertEqual(own[(self.expo.id,)]["lead_count"], 6)

    def test_period_edges_in_far_time_zones(self):
        """The period also bounds the UTC creation time (an index range), one day wider: a lead
        created at the very edge of November in the time zones furthest from UTC still counts
        in November, and only there, for every way of writing the period."""
        web = (self.web.id,)
        edges = [
            ("Pacific/Kiritimati", datetime(2026, 10, 31, 10, 30), "2026-11-01"),  # UTC+14: 1 Nov 00:30
            ("Pacific/Pago_Pago", datetime(2026, 12, 1, 10, 30), "2026-11-30"),  # UTC-11: 30 Nov 23:30
        ]
        for tz, created, local_day in edges:
            with self.subTest(tz=tz):
                self.env.company.resource_calendar_id.tz = tz
                self.env.flush_all()
                self.env.cr.execute(
                    "UPDATE crm_lead SET create_date = %s WHERE id = %s", (created, self.l8.id)
                )
                nov_text = [("date", ">=", "2026-11-01"), ("date", "<", "2026-12-01")]
                nov_le = ["&", ("date", ">", "2026-10-31"), ("date", "<=", "2026-11-30")]
                for period in (NOV, nov_text, nov_le, [("date", "=", local_day)]):
                    self.assertEqual(self._groups(period, ["source_id"])[web]["lead_count"], 1, period)
                october = [("date", ">=", date(2026, 10, 1)), ("date", "<", date(2026, 11, 1))]
                december = [("date", ">=", date(2026, 12, 1)), ("date", "<", date(2027, 1, 1))]
                self.assertNotIn(web, self._groups(october, ["source_id"]))
                self.assertNotIn(web, self._groups(december, ["source_id"]))
                outside_nov = ["|", ("date", "<", date(2026, 11, 1)), ("date", ">=", date(2026, 12, 1))]
                self.assertNotIn(web, self._groups(outside_nov, ["source_id"]))

    def test_customer_follows_the_contacts_company(self):
        """Customers are counted by the lead's company, kept up to date when the contact moves."""
        self.assertEqual(self.l3.sop_customer_id, self.cust1)
        self.assertEqual(self.l2.sop_customer_id, self.cust1)
        self.assertFalse(self.l8.sop_customer_id)
        self.cust1_contact.parent_id = self.cust3
        self.assertEqual(self.l3.sop_customer_id, self.cust3)
        self.env.flush_all()
        # Fair now reaches Cust 1 (L2), Cust 3 (L3, via the contact) and Cust 2
        fair = self._groups(NOV, ["source_id", "campaign_id"])[self.expo.id, self.fair.id]
        self.assertEqual(fair["customer_count"], 3)
        self.l3.partner_id = False
        self.assertFalse(self.l3.sop_customer_id)
