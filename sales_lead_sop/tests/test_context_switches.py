from contextlib import contextmanager
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SopCommon


class RefusedMixin:
    @contextmanager
    def _refused(self, exception, regex):
        """assertRaisesRegex, rolling back what the refused call wrote before it raised."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield


# an import row with a complete profile (source, group and product come first, by name)
IMPORT_COLUMNS = ["sop_source_id", "sop_group_id", "sop_product_ids"]
IMPORT_ROW = {
    "name": "Switch Taken Trading Co",
    "is_company": "1",
    "sop_managed": "1",
    "sop_short_name": "Taken",
    "sop_customer_type": "trader",
    "country_id/id": "base.cn",
}


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestContextSwitches(RefusedMixin, SopCommon):
    """No privileged step is switched on by a context key a client sends (any client can send
    any key): numbers, grades, reviews, the duplicate check, claim decisions, system dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_customer("Switch Own Co", user=cls.rep_a)
        cls.theirs = cls._create_customer("Switch Taken Trading Co", user=cls.rep_b).with_env(cls.env)

    def _as_rep(self, model, **context):
        return self.env[model].with_user(self.rep_a).with_context(**context)

    def test_customer_number_is_never_chosen_by_the_caller(self):
        partners = self._as_rep("res.partner", sop_assigning_code=True)
        with self._refused(UserError, "assigned by the system"):
            partners.browse(self.mine.id).write({"sop_code": "SQUAT-0001"})
        with self._refused(UserError, "drawn by the system"):
            partners.create(self._customer_vals("Squatter Co", user_id=self.rep_a.id, sop_code="NEXT-0001"))
        self.assertNotEqual(self.mine.sop_code, "SQUAT-0001")
        self.assertFalse(self.env["res.partner"].search_count([("name", "=", "Squatter Co")]))

    def test_rep_cannot_grade_with_the_grading_key(self):
        with self._refused(AccessError, "Only a sales manager"):
            self._as_rep("res.partner", sop_grading=True).browse(self.mine.id).write({"sop_grade": "A"})
        self.assertNotEqual(self.mine.sop_grade, "A")
        self.mine.with_user(self.manager_a).write({"sop_grade": "B"})
        self.assertEqual(self.mine.sop_grade, "B")

    def test_rep_cannot_approve_own_customer_with_the_reviewing_key(self):
        partners = self._as_rep("res.partner", sop_reviewing=True)
        with self._refused(UserError, "review buttons"):
            partners.browse(self.mine.id).write(
                {"sop_review_state": "approved", "sop_reviewer_id": self.manager_a.id}
            )
        created = partners.create(
            self._customer_vals("Self Approved Co", user_id=self.rep_a.id, sop_review_state="approved")
        )
        self.assertEqual(
            (created.sop_review_state, created.sop_reviewer_id), ("submitted", self.env["res.users"])
        )
        self.assertEqual(self.mine.sop_review_state, "submitted")
        with self.assertRaises(AccessError):
            self.mine.with_user(self.rep_a).action_sop_review_approve()
        self.mine.with_user(self.manager_a).action_sop_review_approve()
        self.assertEqual(
            (self.mine.sop_review_state, self.mine.sop_reviewer_id), ("approved", self.manager_a)
        )

    def test_install_mode_key_does_not_skip_the_duplicate_check(self):
        partners = self._as_rep("res.partner", install_mode=True)
        with self._refused(UserError, "Rep B"):
            partners.create(self._customer_vals("Switch Taken Trading Co", user_id=self.rep_a.id))
        result = partners.load(
            IMPORT_COLUMNS + list(IMPORT_ROW),
            [[self.source_alibaba.name, self.group_potential.name, self.product.name, *IMPORT_ROW.values()]],
        )
        self.assertFalse(result["ids"])
        self.assertIn("Rep B", result["messages"][0]["message"])
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Switch Taken Trading Co")]), 1)

    def test_claim_request_defaults_cannot_forge_a_decision(self):
        requests = self._as_rep(
            "sop.claim.request",
            default_state="approved",
            default_decided_by_id=self.support.id,
            default_refuse_reason="forged",
        )
        request = requests.create({"partner_id": self.theirs.id, "reason": "I met them at the fair"})
        self.assertEqual(
            (request.state, request.decided_by_id, request.refuse_reason, request.user_id),
            ("pending", self.env["res.users"], False, self.rep_a),
        )
        with self.assertRaises(UserError):  # AccessError is a UserError
            request.with_user(self.rep_a).write({"state": "approved"})
        with self._refused(UserError, "Approve and Refuse"):
            request.with_user(self.support).write({"state": "approved", "decided_by_id": self.support.id})
        self.assertEqual(self.theirs.user_id, self.rep_b)
        request.with_user(self.support).action_approve()
        self.assertEqual(
            (request.state, request.decided_by_id, self.theirs.user_id),
            ("approved", self.support, self.rep_b),
        )
        request.with_user(self.rep_a).with_context(default_state="done").action_take()
        self.assertEqual((request.state, self.theirs.user_id), ("done", self.rep_a))

    def test_pool_move_key_does_not_hide_an_owner_change(self):
        self.mine.with_user(self.manager_a).with_context(sop_pool_move=True).write({"user_id": self.rep_b.id})
        history = self.env["sop.pool.history"].search(
            [("partner_id", "=", self.mine.id)], order="id desc", limit=1
        )
        self.assertEqual((history.action, history.to_user_id), ("assign", self.rep_b))


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestSystemDates(RefusedMixin, SopCommon):
    """Last-contact and recycle dates decide recycling: reps cannot move them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_customer("Dates Own Co", user=cls.rep_a)
        cls.lead = cls.env["crm.lead"].create({"name": "Dates lead", "type": "lead", "user_id": cls.rep_a.id})

    def test_rep_cannot_write_the_contact_and_recycle_dates(self):
        before = (self.mine.sop_last_contact_date, self.mine.sop_recycle_date)
        mine = self.mine.with_user(self.rep_a)
        for vals in ({"sop_last_contact_date": "2099-01-01 00:00:00"}, {"sop_recycle_date": "2099-01-01"}):
            with self._refused(UserError, "set by the system"):
                mine.write(vals)
        with self._refused(UserError, "set by the system"):
            self.env["res.partner"].with_user(self.rep_a).create(
                self._customer_vals("Dated Co", user_id=self.rep_a.id, sop_recycle_date="2099-01-01")
            )
        with self._refused(UserError, "set by the system"):
            self.lead.with_user(self.rep_a).write({"sop_last_contact_date": "2099-01-01 00:00:00"})
        self.assertEqual((self.mine.sop_last_contact_date, self.mine.sop_recycle_date), before)

    @freeze_time("2026-06-10 08:00:00")
    def test_followup_cannot_be_dated_ahead(self):
        Followup = self.env["sop.followup"].with_user(self.rep_a)
        with self._refused(ValidationError, "cannot be in the future"):
            Followup.create({"partner_id": self.mine.id, "content": "Called", "date": "2099-01-01 00:00:00"})
        self.assertFalse(self.mine.sop_last_contact_date)
        # a phone a few minutes ahead of the server is tolerated (setting, 10 minutes)
        ahead = datetime(2026, 6, 10, 8, 5)
        followup = Followup.create({"partner_id": self.mine.id, "content": "Called", "date": ahead})
        self.assertEqual(self.mine.sop_last_contact_date, ahead)
        with self._refused(ValidationError, "cannot be in the future"):
            followup.write({"date": ahead + timedelta(days=30)})
        self.env["ir.config_parameter"].sudo().set_param("sales_lead_sop.followup_clock_skew_minutes", "0")
        with self._refused(ValidationError, "cannot be in the future"):
            Followup.create({"partner_id": self.mine.id, "content": "Called", "date": ahead})
        # logging a contact still moves the dates, through the system
        self.lead.with_user(self.rep_a).action_sop_log_followup()
        Followup.create({"lead_id": self.lead.id, "content": "Called", "date": datetime(2026, 6, 10, 7, 0)})
        self.assertEqual(self.lead.sop_last_contact_date, datetime(2026, 6, 10, 7, 0))
