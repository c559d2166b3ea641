from odoo import api, fields, models

# Fields an admin may count in the profile-completeness score; the score's stored compute
# depends on all of them, so choosing among them never needs a schema change.
COMPLETENESS_CANDIDATES = [
    "name",
    "sop_short_name",
    "sop_source_id",
    "sop_customer_type",
    "sop_product_ids",
    "sop_customer_products",
    "sop_group_id",
    "country_id",
    "street",
    "city",
    "website",
    "phone",
    "fax",
    "email",
    "comment",
    "industry_id",
    "sop_employee_range",
    "sop_revenue_range",
    "child_ids",
]


class SopProfileField(models.Model):
    """A profile field counted in the completeness score (档案完整度), and maybe required on every
    SOP customer (建档必填); the admin chooses which."""

    _name = "sop.profile.field"
    _description = "SOP Profile Completeness Field"
    _order = "sequence, id"

    field_id = fields.Many2one(
        "ir.model.fields",
        required=True,
        ondelete="cascade",
        domain=[("model", "=", "res.partner"), ("name", "in", COMPLETENESS_CANDIDATES)],
    )
    field_name = fields.Char(related="field_id.name")
    sequence = fields.Integer(default=10)
    required = fields.Boolean(
        help="Every SOP customer must have this field filled in: saving one without it is refused, "
        "and the customer form marks it required.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [("field_uniq", "unique(field_id)", "Each field counts once.")]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._sop_recompute_scores()
        self._sop_forms_changed()
        return records

    def write(self, vals):
        result = super().write(vals)
        if {"field_id", "active"} & set(vals):
            self._sop_recompute_scores()
        if {"field_id", "active", "required"} & set(vals):
            self._sop_forms_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self._sop_forms_changed()
        return result

    def _sop_forms_changed(self):
        """The customer form marks the required fields (`res.partner._get_view`): its cached
        views are rebuilt."""
        self.env.registry.clear_cache("templates")

    def _sop_recompute_scores(self):
        """Recompute every customer's score now, or once at the end of a module install or
        update: its data files create the counted fields one by one, and recomputing a million
        scores for each of them would take hours."""
        if not self.env.context.get("install_module"):
            self.env["res.partner"]._sop_recompute_completeness_all()
            return
        precommit = self.env.cr.precommit
        if not precommit.data.get("sales_lead_sop.completeness"):
            precommit.data["sales_lead_sop.completeness"] = True
            precommit.add(self.env["res.partner"]._sop_recompute_completeness_all)

    @api.model
    def _counted_field_names(self):
        counted = self.with_context(active_test=True).search([]).mapped("field_name")
        return [name for name in counted if name in COMPLETENESS_CANDIDATES]

    @api.model
    def _required_field_names(self):
        """Names of the profile fields every SOP customer must fill in (active and required)."""
        required = self.with_context(active_test=True).search([("required", "=", True)]).mapped("field_name")
        return [name for name in required if name in COMPLETENESS_CANDIDATES]
