from lxml import etree

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestRequiredProfileFields(SopCommon):
    """The admin chooses which profile fields every SOP customer must have [000, 004 录入资源];
    the server refuses a customer without them, the form marks them required."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Field = cls.env["sop.profile.field"].with_context(active_test=False)
        cls.fax = cls.Field.search([("field_name", "=", "fax")])
        cls.street = cls.Field.search([("field_name", "=", "street")])
        cls.short_name = cls.Field.search([("field_name", "=", "sop_short_name")])

    def _form_required(self, user):
        arch = self.env["res.partner"].with_user(user).get_views([(False, "form")])["views"]["form"]["arch"]
        tree = etree.fromstring(arch)
        main = [
            node for node in tree.iter("field") if not any(p.tag == "field" for p in node.iterancestors())
        ]
        return {node.get("name"): node.get("required") for node in main}

    def test_shipped_defaults_are_the_sop_required_fields(self):
        self.assertEqual(
            set(self.Field._required_field_names()),
            {
                "name",
                "sop_short_name",
                "sop_source_id",
                "sop_customer_type",
                "sop_product_ids",
                "sop_group_id",
                "country_id",
            },
        )
        self.assertFalse(self.fax.active, "listed for the admin, not counted by default")

    def test_admin_requires_fax_and_address_rep_is_refused_then_succeeds(self):
        (self.fax | self.street).with_user(self.admin).write({"active": True, "required": True})
        with self.assertRaisesRegex(
            ValidationError, "Please fill in: .*Street.*Fax|Please fill in: .*Fax.*Street"
        ):
            with self.env.cr.savepoint():
                self._create_customer("Strict Profile Co", user=self.rep_a)
        self.assertFalse(self.env["res.partner"].search_count([("name", "=", "Strict Profile Co")]))
        customer = self._create_customer(
            "Strict Profile Co", user=self.rep_a, street="1 Dock Rd", fax="+86 512 1234 5678"
        )
        self.assertEqual(customer.user_id, self.rep_a)
        # emptying a required field later is refused too
        with self.assertRaisesRegex(ValidationError, "Fax"):
            with self.env.cr.savepoint():
                customer.with_user(self.rep_a).fax = False
        self.assertTrue(customer.fax)

    def test_admin_lifts_a_required_field(self):
        self.short_name.with_user(self.admin).required = False
        customer = self._create_customer("No Short Name Co", user=self.rep_a, sop_short_name=False)
        self.assertFalse(customer.sop_short_name)

    def test_form_marks_the_configured_fields_for_every_role(self):
        self.assertNotIn("fax", {k for k, v in self._form_required(self.rep_a).items() if v})
        self.fax.with_user(self.admin).write({"active": True, "required": True})
        self.short_name.with_user(self.admin).required = False
        for user in (self.rep_a, self.manager_a, self.admin):
            with self.subTest(user=user.login):
                required = self._form_required(user)
                self.assertEqual(required["fax"], "sop_managed and not parent_id")
                self.assertFalse(required.get("sop_short_name"))
                self.assertIn("sop_managed and not parent_id", required["sop_group_id"])

    def test_rep_cannot_change_the_configuration(self):
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            with self.env.cr.savepoint():
                self.fax.with_user(self.rep_a).required = True
        self.assertFalse(self.fax.required)
