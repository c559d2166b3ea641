from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import SopCommon

MUTED = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestAccessScope(SopCommon):
    """Record rules of SOP §1, as each role: reps reach their own SOP customers, managers
    their teams', support and admins all; public-pool customers only through the
    claim-fields model; non-SOP partners untouched."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._create_customer("Own Co", user=cls.rep_a, email="own@own.example")
        cls.mate = cls._create_customer("Mate Co", user_id=cls.rep_b.id, email="mate@mate.example")
        cls.other = cls._create_customer("Other Co", user_id=cls.rep_c.id, email="x@other.example")
        cls.public = cls._create_customer("Public Co", phone="+86 21 5555 0101", email="p@pub.example")
        cls.vendor = cls.env["res.partner"].create({"name": "Plain Vendor", "email": "v@vendor.example"})
        cls.mate_contact = cls.env["res.partner"].create(
            {"name": "Mate Buyer", "parent_id": cls.mate.id, "email": "buyer@mate.example"}
        )
        cls.all_customers = cls.own | cls.mate | cls.other | cls.public | cls.vendor

    def _visible(self, user):
        Partner = self.env["res.partner"].with_user(user)
        return Partner.search([("id", "in", self.all_customers.ids)])

    def test_rep_sees_own_and_non_sop_only(self):
        self.assertEqual(self._visible(self.rep_a), self.own | self.vendor)
        self.assertEqual(self._visible(self.rep_c), self.other | self.vendor)

    def test_manager_sees_teams_led(self):
        self.assertEqual(self._visible(self.manager_a), self.own | self.mate | self.vendor)
        self.assertEqual(self._visible(self.manager_b), self.other | self.vendor)

    def test_support_and_admin_see_all(self):
        self.assertEqual(self._visible(self.support), self.all_customers)
        self.assertEqual(self._visible(self.admin), self.all_customers)

    @mute_logger(*MUTED)
    def test_support_reads_but_does_not_edit_others(self):
        self.assertEqual(self.other.with_user(self.support).read(["email"])[0]["email"], "x@other.example")
        with self.assertRaises(AccessError):
            self.other.with_user(self.support).write({"comment": "fixed"})
        self.other.with_user(self.admin).write({"comment": "fixed by admin"})
        self.assertEqual(self.other.comment, "<p>fixed by admin</p>")

    def test_plain_salesman_restricted_other_users_untouched(self):
        salesman = new_test_user(self.env, "sop_plain_salesman", groups="sales_team.group_sale_salesman")
        self.assertEqual(self._visible(salesman), self.vendor)
        clerk = new_test_user(self.env, "sop_plain_clerk", groups="base.group_user")
        self.assertEqual(
            self._visible(clerk), self.all_customers, "accounting/stock users keep Odoo's access"
        )

    @mute_logger(*MUTED)
    def test_rep_denied_on_others_and_public(self):
        for partner in self.mate | self.other | self.public | self.mate_contact:
            record = partner.with_user(self.rep_a)
            with self.assertRaises(AccessError):
                record.read(["email"])
            with self.assertRaises(AccessError):
                record.write({"comment": "hijack"})
            with self.assertRaises(AccessError):
                record.unlink()
        self.assertEqual(self.mate.email, "mate@mate.example")

    @mute_logger(*MUTED)
    def test_no_leak_through_search_group_name_search_export(self):
        self.rep_a.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        Partner = self.env["res.partner"].with_user(self.rep_a)
        self.assertFalse(Partner.search([("email", "=", "p@pub.example")]))
        self.assertFalse(Partner.name_search("pub.example"))
        self.assertFalse(Partner.search_count([("phone", "ilike", "5555 0101")]))
        groups = Partner.read_group([("id", "in", self.all_customers.ids)], ["email"], ["email"])
        self.assertEqual(
            {g["email"] for g in groups}, {"own@own.example", "v@vendor.example"}, "only reachable emails"
        )
        exported = Partner.search([("id", "in", self.all_customers.ids)]).export_data(["email"])["datas"]
        self.assertEqual(sorted(row[0] for row in exported), ["own@own.example", "v@vendor.example"])

    def test_contacts_follow_their_company(self):
        self.assertTrue(self.mate_contact.with_user(self.rep_b).read(["email"]))
        self.assertTrue(self.mate_contact.with_user(self.manager_a).read(["email"]))
        self.assertFalse(
            self.env["res.partner"].with_user(self.rep_a).search([("id", "=", self.mate_contact.id)])
        )

    @mute_logger(*MUTED)
    def test_related_field_through_lead(self):
        lead = self.env["crm.lead"].create(
            {"name": "Odd lead", "user_id": self.rep_a.id, "partner_id": self.other.id, "email_from": False}
        )
        with self.assertRaises(AccessError):
            lead.with_user(self.rep_a).partner_id.email  # noqa: B018

    @mute_logger(*MUTED)
    def test_chatter_and_attachments_of_unreachable_customer(self):
        msg = self.public.message_post(body="secret note", message_type="comment")
        att = self.env["ir.attachment"].create(
            {"name": "secret.txt", "raw": b"secret", "res_model": "res.partner", "res_id": self.public.id}
        )
        Message = self.env["mail.message"].with_user(self.rep_a)
        self.assertFalse(Message.search([("id", "=", msg.id)]))
        with self.assertRaises(AccessError):
            msg.with_user(self.rep_a).read(["body"])
        self.assertFalse(self.env["ir.attachment"].with_user(self.rep_a).search([("id", "=", att.id)]))
        with self.assertRaises(AccessError):
            att.with_user(self.rep_a).read(["datas"])
        self.assertTrue(msg.with_user(self.support).read(["body"]))

    def test_public_pool_shows_claim_fields_only(self):
        self.assertNotIn("phone", self.env["sop.public.customer"].fields_get())
        self.assertNotIn("email", self.env["sop.public.customer"].fields_get())
        Public = self.env["sop.public.customer"].with_user(self.rep_a)
        rows = Public.search_read([("partner_id", "=", self.public.id)])
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["name"], "Public Co")
        self.assertNotIn("email", rows[0])
        self.assertNotIn("phone", rows[0])
        self.assertFalse(
            Public.search([("partner_id", "in", (self.own | self.mate).ids)]), "only public ones"
        )

    def test_claimed_customer_becomes_readable(self):
        self.env["sop.public.customer"].with_user(self.rep_a).browse(self.public.id).action_sop_claim()
        self.assertEqual(self.public.user_id, self.rep_a)
        self.assertEqual(self.public.with_user(self.rep_a).read(["email"])[0]["email"], "p@pub.example")
        self.assertFalse(
            self.env["sop.public.customer"]
            .with_user(self.rep_a)
            .search([("partner_id", "=", self.public.id)])
        )

    def test_team_change_updates_manager_scope(self):
        self.assertNotIn(self.other, self._visible(self.manager_a))
        self.team_a.member_ids = [(4, self.rep_c.id)]
        self.assertIn(self.other, self._visible(self.manager_a))

    def test_followups_and_history_follow_the_customer(self):
        Followup = self.env["sop.followup"]
        mine = Followup.create({"partner_id": self.own.id, "user_id": self.rep_a.id, "content": "Called"})
        mates = Followup.create({"partner_id": self.mate.id, "user_id": self.rep_b.id, "content": "Visited"})
        others = Followup.create({"partner_id": self.other.id, "user_id": self.rep_c.id, "content": "Mailed"})
        everything = mine | mates | others

        def seen(model, records, user):
            return self.env[model].with_user(user).search([("id", "in", records.ids)])

        self.assertEqual(seen("sop.followup", everything, self.rep_a), mine)
        self.assertEqual(seen("sop.followup", everything, self.manager_a), mine | mates)
        self.assertEqual(seen("sop.followup", everything, self.support), everything)
        history = self.env["sop.pool.history"].search(
            [("partner_id", "in", (self.own | self.mate | self.other).ids)]
        )
        self.assertEqual(seen("sop.pool.history", history, self.rep_a).partner_id, self.own)
        self.assertEqual(seen("sop.pool.history", history, self.manager_a).partner_id, self.own | self.mate)
        self.assertEqual(seen("sop.pool.history", history, self.support), history)

    def test_non_sop_partners_keep_normal_access(self):
        vendor = self.vendor.with_user(self.rep_a)
        vendor.write({"comment": "ok"})
        self.assertEqual(vendor.comment, "<p>ok</p>")
        self.assertTrue(self.rep_b.partner_id.with_user(self.rep_a).read(["name"]))


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPublicPoolScope(SopCommon):
    """Public pools by region or industry filter what a rep sees and may claim."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cn = cls._create_customer("CN Public")
        cls.us = cls._create_customer("US Public", country_id=cls.env.ref("base.us").id)
        cls.Public = cls.env["sop.public.customer"]

    def _seen(self, user):
        return self.Public.with_user(user).search([("id", "in", (self.cn | self.us).ids)])

    def test_no_pool_configured_all_public_visible(self):
        self.env["sop.public.pool"].search([]).active = False  # none configured
        self.assertEqual(set(self._seen(self.rep_a).ids), set((self.cn | self.us).ids))
        self.assertEqual(set(self._seen(self.rep_c).ids), set((self.cn | self.us).ids))

    def test_pools_filter_reps_not_support(self):
        self.env["sop.public.pool"].search([]).active = False
        pool = self.env["sop.public.pool"].create(
            {
                "name": "China",
                "domain": f"[('country_id', '=', {self.country_cn.id})]",
                "member_ids": [(6, 0, self.rep_a.ids)],
            }
        )
        self.assertEqual(self._seen(self.rep_a).ids, self.cn.ids)
        self.assertFalse(self._seen(self.rep_c), "a rep outside every pool sees none")
        self.assertEqual(set(self._seen(self.support).ids), set((self.cn | self.us).ids))
        count = pool.with_user(self.rep_a).customer_count
        self.assertTrue(count)
        action = pool.with_user(self.rep_a).action_view_customers()
        found = self.Public.with_user(self.rep_a).search(action["domain"])
        self.assertIn(self.cn.id, found.ids)
        self.assertNotIn(self.us.id, found.ids)
        self.assertEqual(set(found.country_id.ids), {self.country_cn.id})
        with self.assertRaisesRegex(UserError, "not in a public pool you belong to"):
            self.us.with_user(self.rep_a).sop_claim()
        self.assertFalse(self.us.user_id)
        self.cn.with_user(self.rep_a).sop_claim()
        self.assertEqual(self.cn.user_id, self.rep_a)
        pool.invalidate_recordset(["customer_count"])
        self.assertEqual(pool.with_user(self.rep_a).customer_count, count - 1)

    def test_public_customers_stay_in_allowed_companies(self):
        other_company = self.env["res.company"].create({"name": "SOP Other Co Ltd"})
        self.us.company_id = other_company
        self.assertEqual(self._seen(self.rep_a).ids, self.cn.ids)
        self.rep_a.write({"company_ids": [(4, other_company.id)]})
        seen = self.Public.with_user(self.rep_a).with_context(
            allowed_company_ids=[self.env.company.id, other_company.id]
        )
        self.assertEqual(len(seen.search([("id", "in", (self.cn | self.us).ids)])), 2)

    def test_manager_assigns_public_customer_without_reading_it(self):
        with mute_logger(*MUTED), self.assertRaises(AccessError):
            self.cn.with_user(self.manager_a).read(["email"])
        self.cn.with_user(self.manager_a).sop_assign(self.rep_b)
        self.assertEqual(self.cn.user_id, self.rep_b)
        self.assertTrue(self.cn.with_user(self.manager_a).read(["email"]))


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestLeadScope(SopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_customer = cls._create_customer("Own Co", user=cls.rep_a)
        cls.other_customer = cls._create_customer("Other Co", user_id=cls.rep_c.id)
        cls.public_customer = cls._create_customer("Public Co")
        Lead = cls.env["crm.lead"]
        cls.lead_own = Lead.create({"name": "L own", "user_id": cls.rep_a.id})
        cls.lead_mate = Lead.create({"name": "L mate", "user_id": cls.rep_b.id})
        cls.lead_other = Lead.create({"name": "L other", "user_id": cls.rep_c.id})
        cls.lead_free = Lead.create({"name": "L free", "user_id": False})
        cls.lead_free_own_customer = Lead.create(
            {"name": "L free own", "user_id": False, "partner_id": cls.own_customer.id}
        )
        cls.lead_free_other_customer = Lead.create(
            {"name": "L free other", "user_id": False, "partner_id": cls.other_customer.id}
        )
        cls.lead_free_public = Lead.create(
            {"name": "L free public", "user_id": False, "partner_id": cls.public_customer.id}
        )
        cls.leads = (
            cls.lead_own
            | cls.lead_mate
            | cls.lead_other
            | cls.lead_free
            | cls.lead_free_own_customer
            | cls.lead_free_other_customer
            | cls.lead_free_public
        )

    def _visible(self, user):
        return self.env["crm.lead"].with_user(user).search([("id", "in", self.leads.ids)])

    def test_rep_sees_own_and_unassigned_non_sop_leads(self):
        self.assertEqual(
            self._visible(self.rep_a), self.lead_own | self.lead_free | self.lead_free_own_customer
        )

    def test_manager_sees_team_leads(self):
        self.assertEqual(
            self._visible(self.manager_a),
            self.lead_own | self.lead_mate | self.lead_free | self.lead_free_own_customer,
        )

    def test_support_reads_all_but_writes_none_of_others(self):
        self.assertEqual(self._visible(self.support), self.leads)
        with mute_logger(*MUTED), self.assertRaises(AccessError):
            self.lead_other.with_user(self.support).write({"name": "changed"})

    def test_admin_sees_all(self):
        self.assertEqual(self._visible(self.admin), self.leads)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestEnteredCustomerOwner(SopCommon):
    def test_rep_entry_is_theirs_admin_entry_stays_public(self):
        Partner = self.env["res.partner"]
        entered = Partner.with_user(self.rep_a).create(self._customer_vals("Entered By Rep"))
        self.assertEqual(entered.user_id, self.rep_a)
        self.assertTrue(entered.with_user(self.rep_a).read(["name"]))
        public = Partner.with_user(self.admin).create(self._customer_vals("Entered By Admin"))
        self.assertFalse(public.user_id)
        with mute_logger(*MUTED), self.assertRaises(AccessError):  # only managers give customers away
            Partner.with_user(self.rep_a).create(self._customer_vals("For Rep B", user_id=self.rep_b.id))
