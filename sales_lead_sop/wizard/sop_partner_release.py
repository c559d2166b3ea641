from odoo import fields, models


class SopPartnerRelease(models.TransientModel):
    """Collects the reason of a release (放弃) and calls `res.partner.sop_release`."""

    _name = "sop.partner.release"
    _description = "Release Customers to the Public Pool"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    reason_id = fields.Many2one("sop.release.reason", string="Reason")
    note = fields.Char(string="Details")
    # Opened as a page from a customer's form: the rep cannot read that customer once released,
    # so the wizard leads to My Customers instead of back to the form.
    open_customers_after = fields.Boolean()

    def action_release(self):
        self.ensure_one()
        reason = " - ".join(filter(None, [self.reason_id.name, (self.note or "").strip()]))
        partners = self.partner_ids
        names = ", ".join(partners[:5].mapped("display_name")) + (", ..." if len(partners) > 5 else "")
        partners.sop_release(reason)
        cooldown = self.env["sop.settings"]._get_int("cooldown_days")
        message = self.env._("%(names)s went back to the public pool.", names=names)
        if cooldown:
            message += " " + self.env._("You may claim it again in %(days)s days.", days=cooldown)
        if self.open_customers_after:
            next_action = self.env["ir.actions.act_window"]._for_xml_id(
                "sales_lead_sop.res_partner_action_sop_customers"
            )
            next_action["target"] = "main"
        else:
            next_action = {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Released"),
                "message": message,
                "next": next_action,
            },
        }
