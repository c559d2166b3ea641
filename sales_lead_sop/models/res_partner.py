from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
# Profile fields the SOP marks required (SOP.md section 3), with the label used in the message.
REQUIRED_PROFILE_FIELDS = [
    "name",
    "sop_short_name",
    "sop_source_id",
    "sop_customer_type",
    "sop_product_ids",
    "sop_group_id",
    "country_id",
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

    @api.constrains(*REQUIRED_PROFILE_FIELDS, "sop_managed", "sop_source_detail", "is_company")
    def _check_sop_profile(self):
        """Refuse an SOP customer whose required profile fields are empty, naming all of them."""
        for partner in self.filtered(lambda p: p.sop_managed and not p.parent_id):
            missing = partner._sop_missing_profile_fields()
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

    def _sop_missing_profile_fields(self):
        """Labels of the required profile fields that are empty on this customer."""
        self.ensure_one()
        labels = self.fields_get(REQUIRED_PROFILE_FIELDS + ["sop_source_detail"], ["string"])
        missing = [labels[name]["string"] for name in REQUIRED_PROFILE_FIELDS if not self[name]]
        if self.sop_source_id.sop_needs_detail and not self.sop_source_detail:
            missing.append(labels["sop_source_detail"]["string"])
        return missing
