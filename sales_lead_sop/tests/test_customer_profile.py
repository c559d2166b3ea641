import threading
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCustomerProfile(SopCommon):
    """SOP customer profile: required fields, numbers, completeness (SOP.md section 3)."""

    def test_required_fields_refused_with_one_message_listing_them(self):
        vals = self._customer_vals("Missing Fields Co")
        for name in ("sop_short_name", "sop_source_id", "sop_customer_type", "sop_product_ids"):
            vals.pop(name)
        with self.assertRaisesRegex(
            ValidationError,
            r"incomplete\. Please fill in: Short Name, Customer Source, Customer Type, Products",
        ):
            self.env["res.partner"].with_user(self.rep_a).create(vals)

    def test_required_fields_enforced_on_write(self):
        customer = self._create_customer("Write Check Co", user=self.rep_a)
        with self.assertRaisesRegex(ValidationError, "Please fill in: Customer Group"), self.cr.savepoint():
            customer.with_user(self.rep_a).write({"sop_group_id": False})
        customer.invalidate_recordset()
        self.assertEqual(customer.sop_group_id, self.group_potential)

    def test_trade_show_source_needs_the_show(self):
        trade_show = self.env.ref("sales_lead_sop.utm_source_trade_show")
        with self.assertRaisesRegex(ValidationError, "Source Detail"), self.env.cr.savepoint():
            self._create_customer("Fair Co", user=self.rep_a, sop_source_id=trade_show.id)
        customer = self._create_customer(
            "Fair Co", user=self.rep_a, sop_source_id=trade_show.id, sop_source_detail="Canton Fair 2026"
        )
        self.assertEqual(customer.sop_source_detail, "Canton Fair 2026")

    def test_contact_of_sop_customer_needs_email(self):
        customer = self._create_customer("Contact Mail Co", user=self.rep_a)
        with self.assertRaisesRegex(ValidationError, "needs an email address"):
            self.env["res.partner"].with_user(self.rep_a).create(
                {"name": "No Mail", "parent_id": customer.id, "type": "contact"}
            )
        contact = (
            self.env["res.partner"]
            .with_user(self.rep_a)
            .create(
                {
                    "name": "Has Mail",
                    "parent_id": customer.id,
                    "type": "contact",
                    "email": "a@b.com",
                    "sop_wechat": "wx_has_mail",
                }
            )
        )
        self.assertEqual(contact.sop_wechat, "wx_has_mail")

    def test_non_sop_partners_untouched(self):
        # sales support enters companies outside the SOP (a rep's company is always a customer)
        plain = self.env["res.partner"].with_user(self.support).create({"name": "Vendor", "is_company": True})
        self.assertFalse(plain.sop_code)
        self.assertFalse(plain.sop_review_state)
        self.assertEqual(plain.sop_completeness, 0)
        child = self.env["res.partner"].create(
            {"name": "No mail needed", "parent_id": plain.id, "type": "contact"}
        )
        self.assertFalse(child.email)

    # ------------------------------------------------------------------ numbers
    def test_number_from_city_industry_and_year(self):
        it = self.env.ref("base.res_partner_industry_J")
        customer = self._create_customer(
            "Hangzhou IT Co", user=self.rep_a, city="Hangzhou", industry_id=it.id
        )
        year = fields.Date.today().year
        self.assertRegex(customer.sop_code, rf"^HZ-IT-{year}-\d{{3,}}$")
        second = self._create_customer("Hangzhou IT Co 2", user=self.rep_a, city="杭州", industry_id=it.id)
        serial = int(customer.sop_code.rsplit("-", 1)[1])
        self.assertEqual(second.sop_code, f"HZ-IT-{year}-{serial + 1:03d}")

    def test_number_falls_back_to_state_then_country(self):
        zhejiang = self.env.ref("base.state_cn_ZJ")
        by_state = self._create_customer("Unknown City Co", city="Lishui", state_id=zhejiang.id)
        self.assertTrue(by_state.sop_code.startswith("ZJ-XX-"))
        by_country = self._create_customer("German Co", country_id=self.env.ref("base.de").id)
        self.assertTrue(by_country.sop_code.startswith("DE-XX-"))

    def test_number_is_not_writable_and_never_reused(self):
        customer = self._create_customer("Fixed Number Co", user=self.rep_a)
        with self.assertRaisesRegex(UserError, "assigned by the system"):
            customer.with_user(self.rep_a).write({"sop_code": "HACK-001"})
        number = customer.sop_code
        customer.sudo().action_archive()  # an archived customer's number stays burnt
        again = self._create_customer("Fixed Number Co", user=self.rep_a)
        self.assertNotEqual(again.sop_code, number)

    def test_numbers_unique_under_concurrent_creation(self):
        """Eight transactions draw numbers for one prefix at the same moment: all distinct,
        consecutive, and none lost to a serialization failure."""
        prefix = "TS-XX-2099"
        numbers, errors = [], []
        barrier = threading.Barrier(8)
        registry = self.env.registry

        def draw():
            try:
                with registry.cursor() as cr:
                    barrier.wait(10)
                    numbers.append(self.env(cr=cr)["sop.customer.number"]._next_number(prefix))
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                errors.append(error)

        threads = [threading.Thread(target=draw) for _i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        try:
            self.assertFalse(errors)
            self.assertEqual(sorted(numbers), [f"{prefix}-{n:03d}" for n in range(1, 9)])
        finally:
            with registry.cursor() as cr:
                cr.execute("DELETE FROM sop_customer_number WHERE prefix = %s", [prefix])

    # ------------------------------------------------------------- completeness
    def test_completeness_moves_when_fields_are_filled(self):
        customer = self._create_customer("Complete Me Co", user=self.rep_a)
        before = customer.sop_completeness
        self.assertTrue(0 < before < 100)
        customer.with_user(self.rep_a).write(
            {
                "street": "1 Road",
                "website": "https://complete.example.com",
                "phone": "+86 571 1234 5678",
                "industry_id": self.env.ref("base.res_partner_industry_C").id,
                "sop_employee_range": "11_50",
            }
        )
        self.env["res.partner"].with_user(self.rep_a).create(
            {
                "name": "Buyer",
                "parent_id": customer.id,
                "type": "contact",
                "email": "buyer@complete.example.com",
            }
        )
        self.assertEqual(customer.sop_completeness, 100)
        self.assertEqual(
            self.env["res.partner"].search([("sop_completeness", "=", 100), ("id", "=", customer.id)]),
            customer,
        )

    def test_admin_chooses_counted_fields(self):
        customer = self._create_customer("Counted Co", user=self.rep_a)
        self.env["sop.profile.field"].search([]).write({"active": False})
        self.assertEqual(customer.sop_completeness, 0)
        name_field = self.env.ref("base.field_res_partner__name")
        self.env["sop.profile.field"].with_context(active_test=False).search(
            [("field_id", "=", name_field.id)]
        ).write({"active": True})
        self.assertEqual(customer.sop_completeness, 100)

    def test_module_update_recomputes_scores_once_at_commit(self):
        customer = self._create_customer("Updated Co", user=self.rep_a)
        Field = self.env["sop.profile.field"].with_context(install_module="sales_lead_sop")
        queued = len(self.env.cr.precommit._funcs)
        Field.search([]).write({"active": False})
        Field.search([], limit=1).write({"sequence": 5})
        self.assertTrue(customer.sop_completeness, "not recomputed while the module's data loads")
        self.assertEqual(
            len(self.env.cr.precommit._funcs) - queued, 1, "one recompute queued, not one per write"
        )
        self.env.cr.precommit.run()
        self.assertEqual(customer.sop_completeness, 0)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCustomerReview(SopCommon):
    """Manager review of new customers (SOP.md section 3, 审核)."""

    def test_new_customer_waits_for_review_whatever_the_rep_sends(self):
        customer = self._create_customer("Review Co", user=self.rep_a, sop_review_state="approved")
        self.assertEqual(customer.sop_review_state, "submitted")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_rep_cannot_review(self):
        customer = self._create_customer("Self Approve Co", user=self.rep_a)
        with self.assertRaises(AccessError):
            customer.with_user(self.rep_a).action_sop_review_approve()
        with self.assertRaisesRegex(UserError, "review buttons"):
            customer.with_user(self.rep_a).write({"sop_review_state": "approved"})
        self.assertEqual(customer.sop_review_state, "submitted")

    def test_manager_approves(self):
        customer = self._create_customer("Approve Co", user=self.rep_a)
        customer.with_user(self.manager_a).action_sop_review_approve()
        self.assertEqual(customer.sop_review_state, "approved")
        self.assertEqual(customer.sop_reviewer_id, self.manager_a)

    def test_rejection_needs_reason_and_reaches_the_rep(self):
        customer = self._create_customer("Reject Co", user=self.rep_a)
        wizard = self.env["sop.review.reject"].with_user(self.manager_a)
        with self.assertRaisesRegex(UserError, "reason"):
            customer.with_user(self.manager_a).action_sop_review_reject("  ")
        wizard.create(
            {"partner_ids": [(6, 0, customer.ids)], "reason": "Duplicate of an existing customer"}
        ).action_reject()
        self.assertEqual(customer.sop_review_state, "rejected")
        as_rep = customer.with_user(self.rep_a)
        self.assertEqual(as_rep.sop_review_reason, "Duplicate of an existing customer")
        message = customer.message_ids.filtered(
            lambda m: "Duplicate of an existing customer" in (m.body or "")
        )
        self.assertIn(self.rep_a.partner_id, message.partner_ids)
        as_rep.action_sop_review_resubmit()
        self.assertEqual(customer.sop_review_state, "submitted")

    def test_approve_after_completion(self):
        customer = self._create_customer("Pending Co", user=self.rep_a)
        customer.with_user(self.manager_a).action_sop_review_approve_pending("Add the website")
        self.assertEqual(customer.sop_review_state, "approved_pending")
        self.assertEqual(customer.sop_review_reason, "Add the website")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestCustomerGrade(SopCommon):
    """Grades A/B/C/D from 12-month won amount and potential (SOP.md section 7)."""

    def _won(self, customer, amount, days_ago=10):
        won_stage = self.env["crm.stage"].search(
            [("is_won", "=", True), ("sop_pipeline", "=", True)], limit=1
        )
        lead = self.env["crm.lead"].create(
            {
                "name": f"Deal {amount}",
                "type": "opportunity",
                "partner_id": customer.id,
                "expected_revenue": amount,
                "user_id": self.rep_a.id,
            }
        )
        lead.write({"stage_id": won_stage.id})
        lead.date_closed = fields.Datetime.now() - timedelta(days=days_ago)
        return lead

    def test_suggestion_at_each_threshold_edge(self):
        suggest = self.env["res.partner"]._sop_suggest_grade
        self.assertEqual(suggest(500000, "1"), "A")
        self.assertEqual(suggest(499999.99, "1"), "B")
        self.assertEqual(suggest(200000, "1"), "B")
        self.assertEqual(suggest(199999, "1"), "C")
        self.assertEqual(suggest(50000, "1"), "C")
        self.assertEqual(suggest(49999, "1"), "D")
        self.assertEqual(suggest(0, "5"), "A", "an industry leader is an A customer whatever it bought")
        self.assertEqual(suggest(250000, "3"), "B", "the better of amount and potential")

    def test_thresholds_come_from_settings(self):
        settings = self.env["res.config.settings"].create({"sop_grade_a_amount": 100000})
        settings.execute()
        self.assertEqual(self.env["res.partner"]._sop_suggest_grade(100000, "1"), "A")

    def test_suggestion_uses_won_amount_of_last_twelve_months(self):
        customer = self._create_customer("Grade Co", user=self.rep_a)
        self._won(customer, 150000)
        self._won(customer, 100000)
        self._won(customer, 900000, days_ago=400)  # older than a year: does not count
        customer.invalidate_recordset()
        self.assertEqual(customer.sop_won_amount_12m, 250000)
        self.assertEqual(customer.sop_grade_suggested, "B")

    def test_manager_approves_the_grade_rep_cannot(self):
        customer = self._create_customer("Approve Grade Co", user=self.rep_a, sop_potential="5")
        with self.assertRaises(AccessError):
            customer.with_user(self.rep_a).write({"sop_grade": "A"})
        with self.assertRaises(AccessError):
            customer.with_user(self.rep_a).action_sop_approve_grade()
        customer.with_user(self.manager_a).action_sop_approve_grade()
        self.assertEqual(customer.sop_grade, "A")

    def test_quarterly_review_activity_for_each_team_leader_once(self):
        self.env["res.partner"]._cron_sop_grade_review()
        self.env["res.partner"]._cron_sop_grade_review()
        activities = self.team_a.activity_ids.filtered(lambda a: a.summary == "Quarterly grade review")
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.manager_a)
