from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .sop_profile_field import COMPLETENESS_CANDIDATES

CUSTOMER_TYPES = [
    ("trader", "Trader"),
    ("wholesaler", "Wholesaler"),
    ("contractor", "Contractor"),
    ("brand_owner", "Brand Owner"),
    ("agent", "Agent"),
    ("individual", "Individual Seller"),
    ("unknown", "Unknown"),
]
STARS = [(str(n), str(n)) for n in range(6)]
GRADES = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]
EMPLOYEE_RANGES = [
    ("1_10", "1-10"),
    ("11_50", "11-50"),
    ("51_200", "51-200"),
    ("201_1000", "201-1000"),
    ("1000_plus", "1000+"),
]
REVENUE_RANGES = [
    ("lt_1m", "< 1 million"),
    ("1m_10m", "1-10 million"),
    ("10m_100m", "10-100 million"),
    ("gt_100m", "> 100 million"),
]


class ResPartner(models.Model):
    """Customer profile of the SOP (建档字段). Only partners with `sop_managed` set are
    SOP customers; every other partner keeps Odoo's behaviour untouched."""

    _inherit = "res.partner"

    sop_managed = fields.Boolean(
        string="SOP Customer",
        index="btree_not_null",
        copy=False,
        help="Managed by the sales-lead SOP: profile rules, pools, duplicate checks and cadence apply.",
    )
    sop_short_name = fields.Char(string="Short Name", tracking=True)
    sop_source_id = fields.Many2one("utm.source", string="Customer Source", tracking=True)
    sop_source_needs_detail = fields.Boolean(related="sop_source_id.sop_needs_detail")
    sop_source_detail = fields.Char(
        string="Source Detail", help="For trade shows: which show, e.g. Canton Fair 2026 spring."
    )
    sop_customer_type = fields.Selection(CUSTOMER_TYPES, string="Customer Type", tracking=True)
    sop_product_ids = fields.Many2many(
        "product.template",
        "res_partner_sop_product_rel",
        "partner_id",
        "product_id",
        string="Products of Interest",
        help="Our products the customer buys or may buy.",
    )
    sop_customer_products = fields.Text(
        string="Customer's Products", help="The customer's own main business."
    )
    sop_group_id = fields.Many2one(
        "sop.customer.group", string="Customer Group", index=True, tracking=True, ondelete="restrict"
    )
    sop_stars = fields.Selection(STARS, string="Stars", default="0")
    sop_employee_range = fields.Selection(EMPLOYEE_RANGES, string="Employees")
    sop_revenue_range = fields.Selection(REVENUE_RANGES, string="Yearly Revenue")
    # Social accounts of contacts (联系人社交账号).
    sop_whatsapp = fields.Char(string="WhatsApp")
    sop_wechat = fields.Char(string="WeChat")
    sop_linkedin = fields.Char(string="LinkedIn")
    sop_facebook = fields.Char(string="Facebook")

    # ------------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------------

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        # A new SOP customer is in the company's country unless the rep says otherwise (the
        # country is required, and phones written without + are read in it).
        if values.get("sop_managed") and "country_id" in fields and not values.get("country_id"):
            values["country_id"] = self.env.company.country_id.id
        return values

    # every field the admin may require (sop.profile.field.required) triggers the check
    @api.constrains(*COMPLETENESS_CANDIDATES, "sop_managed", "sop_source_detail", "is_company")
    def _check_sop_profile(self):
        """Refuse an SOP customer whose required profile fields are empty, naming all of them.

        :config: the profile fields marked required (sop.profile.field)
        """
        customers = self.filtered(lambda p: p.sop_managed and not p.parent_id)
        # sudo: the configuration is read for every user who saves a customer
        required = self.env["sop.profile.field"].sudo()._required_field_names() if customers else []
        for partner in customers:
            missing = partner._sop_missing_profile_fields(required)
            if missing:
                raise ValidationError(
                    self.env._(
                        "The customer profile of %(name)s is incomplete. Please fill in: %(fields)s.",
                        name=partner.display_name or self.env._("this customer"),
                        fields=", ".join(missing),
                    )
                )

    @api.constrains("email", "parent_id", "name")
    def _check_sop_contact_email(self):
        """A contact of an SOP customer needs a name and an email (SOP.md section 3)."""
        for contact in self.filtered(lambda p: p.parent_id.sop_managed and p.type == "contact"):
            if not contact.email:
                raise ValidationError(
                    self.env._(
                        "The contact %(contact)s of %(customer)s needs an email address.",
                        contact=contact.name or self.env._("(no name)"),
                        customer=contact.parent_id.display_name,
                    )
                )

    def _sop_missing_profile_fields(self, required):
        """Labels of the `required` profile fields (names) that are empty on this customer."""
        self.ensure_one()
        labels = self.fields_get([*required, "sop_source_detail"], ["string"])
        missing = [labels[name]["string"] for name in required if not self[name]]
        if self.sop_source_id.sop_needs_detail and not self.sop_source_detail:
            missing.append(labels["sop_source_detail"]["string"])
        return missing

    # ------------------------------------------------------------------
    # VIEWS
    # ------------------------------------------------------------------

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """Customer forms mark the profile fields the admin requires (sop.profile.field), as
        the server enforces them (`_check_sop_profile`); the cached views are rebuilt when that
        configuration changes."""
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type != "form" or not arch.xpath("//field[@name='sop_managed']"):
            return arch, view  # not a customer form: its expressions could not read sop_managed
        # sudo: the configuration is read for every user who opens a customer form
        required = set(self.env["sop.profile.field"].sudo()._required_field_names())
        for node in arch.iter("field"):
            if node.get("name") not in required or node.getparent() is None:
                continue
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue  # a contact's field in the contacts' sub-form
            condition = "sop_managed and not parent_id"
            current = node.get("required")
            node.set("required", f"({current}) or ({condition})" if current else condition)
        return arch, view
