from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner import CUSTOMER_TYPES


class SopLeadConvert(models.TransientModel):
    """Turn a target lead into a customer (new, with its SOP profile, or an existing one of the
    rep) and optionally an opportunity, in one step. The lead's chatter, attachments and
    follow-ups move with it."""

    _name = "sop.lead.convert"
    _description = "Convert Lead to Customer"

    lead_id = fields.Many2one("crm.lead", required=True)
    action = fields.Selection(
        [("create", "Create a New Customer"), ("link", "Link an Existing Customer")],
        required=True,
        default="create",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", domain="[('sop_managed', '=', True), ('user_id', '=', uid)]"
    )
    name = fields.Char(string="Company Name")
    short_name = fields.Char()
    source_id = fields.Many2one("utm.source", string="Source")
    customer_type = fields.Selection(CUSTOMER_TYPES, default="unknown")
    group_id = fields.Many2one(
        "sop.customer.group", string="Customer Group", default=lambda self: self._default_group()
    )
    country_id = fields.Many2one("res.country")
    product_ids = fields.Many2many("product.template", string="Products of Interest")
    create_opportunity = fields.Boolean(string="Create an Opportunity", default=True)
    opportunity_name = fields.Char(help="Product - Need - Approximate Quantity")

    @api.model
    def _default_group(self):
        return self.env["sop.customer.group"].search([("code", "=", "intent")], limit=1)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        lead = self.env["crm.lead"].browse(values.get("lead_id") or self.env.context.get("default_lead_id"))
        if lead:
            values.setdefault("name", lead.partner_name or lead.contact_name or lead.email_from)
            values.setdefault("short_name", (lead.partner_name or lead.contact_name or "")[:20])
            values.setdefault("source_id", lead.source_id.id)
            values.setdefault("country_id", lead.country_id.id)
            values.setdefault("opportunity_name", lead.name)
            if lead.partner_id.commercial_partner_id.sop_managed:
                values.setdefault("action", "link")
                values.setdefault("partner_id", lead.partner_id.commercial_partner_id.id)
        return values

    def _sop_prepare_customer_vals(self):
        """Profile values of the new customer; later profile fields extend this."""
        lead = self.lead_id
        return {
            "name": self.name,
            "is_company": True,
            "sop_managed": True,
            "sop_short_name": self.short_name,
            "sop_source_id": self.source_id.id,
            "sop_customer_type": self.customer_type,
            "sop_group_id": self.group_id.id,
            "country_id": self.country_id.id,
            "sop_product_ids": [(6, 0, self.product_ids.ids)],
            "user_id": lead.user_id.id or self.env.user.id,
            "email": lead.email_from,
            "phone": lead.phone,
            "website": lead.website,
            "child_ids": [(0, 0, {"name": lead.contact_name, "email": lead.email_from, "phone": lead.phone})]
            if lead.contact_name
            else [],
        }

    def action_convert(self):
        """Create or link the customer, then make the opportunity or close the lead."""
        self.ensure_one()
        lead = self.lead_id
        if lead.sop_lead_type == "invalid" or not lead.active:
            raise UserError(self.env._("An invalid or archived lead cannot be converted."))
        if self.action == "link":
            if not self.partner_id:
                raise UserError(self.env._("Choose the customer to link."))
            if self.partner_id.user_id != self.env.user and not self.env.user.has_group(
                "sales_lead_sop.group_sop_manager"
            ):
                raise UserError(self.env._("You may only link a customer of your own."))
            customer = self.partner_id
        else:
            if not self.name:
                raise UserError(self.env._("The company name is required."))
            customer = self.env["res.partner"].create(self._sop_prepare_customer_vals())
        lead.write({"sop_lead_type": "target", "partner_id": customer.id})
        self.env["sop.followup"].search([("lead_id", "=", lead.id)]).write({"partner_id": customer.id})
        if self.create_opportunity:
            # the first SOP stage and the expected closing date come with the conversion
            lead.convert_opportunity(customer, user_ids=lead.user_id.ids or self.env.user.ids)
            lead.write({"name": self.opportunity_name or lead.name})
            return {
                "type": "ir.actions.act_window",
                "res_model": "crm.lead",
                "res_id": lead.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        lead._sop_move_history_to(customer)
        lead.action_archive()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": customer.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
