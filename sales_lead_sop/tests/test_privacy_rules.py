from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon

MUTED = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPrivacyRules(SopCommon):
    """The three lines of SOP §1's privacy, as each role: no link to a contact the user may
    not read, labels without private data, and records about a customer that follow it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owned = cls._create_customer("Rule Owned Co", user_id=cls.rep_a.id, email="owned@rules.example")
        cls.public = cls._create_customer(
            "Rule Public Co", street="9 Pool Street", email="pool@rules.example"
        )
        cls.mine = cls._create_customer("Rule Mine Co", user_id=cls.rep_b.id, email="mine@rules.example")
        cls.vendor = cls.env["res.partner"].create({"name": "Rule Vendor", "email": "v@rules.example"})

    @mute_logger(*MUTED)
    def test_links_refused_in_every_shape(self):
        Lead = self.env["crm.lead"].with_user(self.rep_b)
        count = Lead.search_count([])
        for partner in (self.owned, self.public):
            with self.assertRaisesRegex(AccessError, "cannot link"):
                Lead.create({"name": "steal", "partner_id": partner.id})
        with self.assertRaisesRegex(AccessError, "Rule Owned Co"):
            Lead.create(
                [{"name": "ok", "partner_id": self.mine.id}, {"name": "x", "partner_id": self.owned.id}]
            )
        self.assertEqual(Lead.search_count([]), count, "nothing created")
        lead = Lead.create({"name": "mine", "partner_id": self.mine.id})
        with self.assertRaises(AccessError):
            lead.write({"partner_id": self.owned.id})
        self.assertEqual(lead.partner_id, self.mine)
        now = fields.Datetime.now()
        Event = self.env["calendar.event"].with_user(self.rep_b)
        for command in ([(6, 0, self.owned.ids)], [(4, self.owned.id)], self.owned.ids):
            with self.assertRaises(AccessError):
                Event.create({"name": "visit", "start": now, "stop": now, "partner_ids": command})
        event = Event.create({"name": "own", "start": now, "stop": now, "partner_ids": [(4, self.mine.id)]})
        with self.assertRaises(AccessError):
            event.write({"partner_ids": [(4, self.public.id)]})
        with self.assertRaises(AccessError):
            self.env["res.partner.bank"].with_user(self.rep_b).create(
                {"partner_id": self.owned.id, "acc_number": "RULE-1"}
            )
        # a manager links the customers of the teams they lead, not those of other teams
        self.env["crm.lead"].with_user(self.manager_a).create({"name": "team", "partner_id": self.owned.id})
        with self.assertRaises(AccessError):
            self.env["crm.lead"].with_user(self.manager_b).create({"name": "x", "partner_id": self.owned.id})
        # partners outside the SOP are linked as in Odoo
        Lead.create({"name": "vendor", "partner_id": self.vendor.id})

    def test_one_access_query_per_batch(self):
        """Linking 20 records costs one search of the partners under the user's rules."""
        Lead = self.env["crm.lead"].with_user(self.rep_b)
        vals = [{"name": f"batch {n}", "partner_id": self.mine.id} for n in range(20)]
        Lead.create(vals[:1])  # warm the caches
        Partner = type(self.env["res.partner"])
        real_search = Partner.search
        checks = []

        def counting(records, domain, *args, **kwargs):
            # the link check's own search: the partners by id, nothing else
            if not records.env.su and len(domain) == 1 and domain[0][:2] == ("id", "in"):
                checks.append(domain)
            return real_search(records, domain, *args, **kwargs)

        self.patch(Partner, "search", counting)
        Lead.create(vals)
        self.assertEqual(len(checks), 1, f"the link check reads the partners once, not per record: {checks}")

    def test_labels_without_private_data_for_who_may_not_read(self):
        contexts = [{key: True} for key in ("show_address", "show_email", "address_inline", "show_vat")]
        for context in contexts:
            Public = self.env["sop.public.customer"].with_user(self.rep_b).with_context(**context)
            label = Public.browse(self.public.id).read(["partner_id"])[0]["partner_id"][1]
            self.assertEqual(label, "Rule Public Co", context)
        # who may read the customer still gets the label asked for
        own = self.mine.with_user(self.rep_b).with_context(show_email=True).display_name
        self.assertIn("mine@rules.example", own)
        support = self.public.with_user(self.support).with_context(show_address=True).display_name
        self.assertIn("9 Pool Street", support)

    @mute_logger(*MUTED)
    def test_bank_accounts_follow_the_customer(self):
        bank = self.env["res.partner.bank"].create({"partner_id": self.owned.id, "acc_number": "RULE-ACC-1"})
        Bank = self.env["res.partner.bank"]
        for user in (self.rep_a, self.manager_a, self.support):
            self.assertEqual(Bank.with_user(user).search([("id", "=", bank.id)]), bank)
        for user in (self.rep_b, self.rep_c, self.manager_b):
            self.assertFalse(Bank.with_user(user).search([("id", "=", bank.id)]))
            with self.assertRaises(AccessError):
                bank.with_user(user).read(["acc_number"])

    @mute_logger(*MUTED)
    def test_claim_requests_and_former_owner(self):
        followup = (
            self.env["sop.followup"]
            .with_user(self.rep_a)
            .create({"partner_id": self.owned.id, "content": "called"})
        )
        request = (
            self.env["sop.claim.request"]
            .with_user(self.rep_c)
            .create({"partner_id": self.owned.id, "reason": "met them at the fair"})
        )
        Request = self.env["sop.claim.request"]
        self.assertEqual(Request.with_user(self.rep_c).search([("id", "=", request.id)]), request)
        self.assertEqual(Request.with_user(self.rep_a).search([("id", "=", request.id)]), request, "holder")
        self.assertFalse(Request.with_user(self.rep_b).search([("id", "=", request.id)]))
        request.with_user(self.support).action_approve()
        request.with_user(self.rep_c).action_take()  # an approval gives a window to take the customer
        self.assertEqual(self.owned.user_id, self.rep_c)
        # rep_a, the former owner, no longer reaches the customer through old records
        self.assertFalse(self.env["sop.followup"].with_user(self.rep_a).search([("id", "=", followup.id)]))
        self.assertFalse(
            self.env["sop.pool.history"].with_user(self.rep_a).search([("partner_id", "=", self.owned.id)])
        )
        self.assertEqual(
            self.env["sop.followup"].with_user(self.rep_c).search([("id", "=", followup.id)]), followup
        )

    def test_handover_lines_per_receiver_and_support_reads(self):
        customers = self.env["res.partner"].create(
            [self._customer_vals(f"Rule Handover {n}", user_id=self.rep_a.id) for n in range(4)]
        )
        handover = (
            self.env["sop.handover"]
            .with_user(self.manager_a)
            .create(
                {"from_user_id": self.rep_a.id, "receiver_ids": [(6, 0, (self.rep_b | self.manager_a).ids)]}
            )
        )
        handover.action_preview()
        lines = handover.line_ids
        self.assertEqual(set(lines.to_user_id.ids), {self.rep_b.id, self.manager_a.id})
        self.assertLessEqual(customers, lines.partner_id)
        Line = self.env["sop.handover.line"]
        seen = Line.with_user(self.rep_b).search([("handover_id", "=", handover.id)])
        self.assertEqual(seen, lines.filtered(lambda line: line.to_user_id == self.rep_b))
        self.assertEqual(Line.with_user(self.manager_a).search([("handover_id", "=", handover.id)]), lines)
        self.assertEqual(handover.with_user(self.support).read(["name"])[0]["id"], handover.id)
        self.assertEqual(Line.with_user(self.support).search([("handover_id", "=", handover.id)]), lines)
