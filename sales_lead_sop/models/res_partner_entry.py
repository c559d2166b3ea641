from odoo import api, models
from odoo.exceptions import UserError

# Profile fields a caller fills only when entering an SOP customer on purpose: a company
# created without any of them (a many2one's quick create, Odoo's lead conversion, an import
# without the SOP columns) was not meant as a customer profile.
PROFILE_ONLY_FIELDS = (
    "sop_short_name",
    "sop_source_id",
    "sop_customer_type",
    "sop_product_ids",
    "sop_group_id",
)


class ResPartner(models.Model):
    """A company a rep or team manager creates anywhere (Odoo's Contacts, "Create and edit"
    from a many2one, an import, an RPC call) is an SOP customer of theirs, under the same rules
    as one entered from My Customers: required profile, duplicate check (撞单), owner = creator,
    capacity. Otherwise a rep could enter a company outside the SOP and skip the duplicate check.

    A company created without any profile field is refused with a message pointing to My
    Customers. Contacts and other individuals keep Odoo's behaviour, and so do users outside
    the SOP, sales support and administrators (they also enter companies that are not customers)."""

    _inherit = "res.partner"

    @api.model
    def _sop_user_enters_customers(self):
        """True when the current user is a rep or a team manager (not support, not an admin):
        every company they enter is one of their SOP customers."""
        user = self.env.user
        return (
            not self.env.su
            and user.has_group("sales_lead_sop.group_sop_rep")
            and not user.has_group("sales_lead_sop.group_sop_support")
        )

    @api.model
    def _sop_vals_enter_company(self, vals, defaults):
        """Whether `vals` (with the defaults the ORM would add) create a company with no parent."""
        if "company_type" in vals:  # its inverse sets is_company after create
            company = vals["company_type"] == "company"
        elif "is_company" in vals:
            company = bool(vals["is_company"])
        else:
            company = defaults.get("company_type") == "company" or bool(defaults.get("is_company"))
        parent = vals["parent_id"] if "parent_id" in vals else defaults.get("parent_id")
        return company and not parent

    @api.model_create_multi
    def create(self, vals_list):
        if self._sop_user_enters_customers():
            defaults = self.default_get(
                ["is_company", "company_type", "parent_id", "sop_managed", *PROFILE_ONLY_FIELDS]
            )
            for vals in vals_list:
                if not self._sop_vals_enter_company(vals, defaults):
                    continue
                asked = vals["sop_managed"] if "sop_managed" in vals else defaults.get("sop_managed")
                if not asked and not any(
                    vals.get(name) or defaults.get(name) for name in PROFILE_ONLY_FIELDS
                ):
                    raise UserError(
                        self.env._(
                            "%(name)s would be a company outside the sales SOP. Enter your customers "
                            "from CRM > Customers (My Customers), or fill in the SOP Profile tab: the "
                            "duplicate check and the customer number apply to every company you create.",
                            name=vals.get("name") or self.env._("This company"),
                        )
                    )
                vals["sop_managed"] = True  # the owner is set by the scope rule (res_partner_scope)
        return super().create(vals_list)

    def write(self, vals):
        becomes_company = ("company_type" in vals or "is_company" in vals) and self._sop_vals_enter_company(
            {key: vals[key] for key in ("company_type", "is_company") if key in vals}, {}
        )
        if not becomes_company or not self._sop_user_enters_customers():
            return super().write(vals)
        # An individual a rep turns into a company becomes their SOP customer too.
        parent_in_vals = "parent_id" in vals
        entered = self.filtered(
            lambda p: (
                not p.sop_managed
                and not p.is_company
                and not (vals["parent_id"] if parent_in_vals else p.parent_id)
            )
        )
        res = super(ResPartner, self - entered).write(vals) if self - entered else True
        for partner in entered:
            entered_vals = dict(vals, sop_managed=True)
            if "user_id" not in vals and not partner.user_id:
                entered_vals["user_id"] = self.env.uid
            super(ResPartner, partner).write(entered_vals)
        return res

    @api.onchange("company_type", "parent_id")
    def _onchange_sop_entered_company(self):
        """On Odoo's partner form, a rep who picks "Company" gets the SOP Profile tab (with its
        required fields) and the company's country, as on My Customers."""
        if self._origin.sop_managed or self._origin.is_company or not self._sop_user_enters_customers():
            return  # existing companies keep their status; only new ones are entered
        self.sop_managed = self.company_type == "company" and not self.parent_id
        if self.sop_managed and not self.country_id:
            self.country_id = self.env.company.country_id
