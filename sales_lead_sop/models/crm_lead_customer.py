from odoo import api, fields, models
from odoo.tools.sql import column_exists, create_column


class CrmLead(models.Model):
    """The customer (commercial entity) a lead belongs to, stored so the source and campaign
    report counts distinct customers over a year of leads without looking up each lead's
    partner (half a million index lookups at a million leads)."""

    _inherit = "crm.lead"

    # the company of the lead's contact, or the contact itself when it has no company
    sop_customer_id = fields.Many2one(
        "res.partner",
        string="Customer Name",
        compute="_compute_sop_customer_id",
        store=True,
        index="btree_not_null",
    )

    @api.depends("partner_id.commercial_partner_id")
    def _compute_sop_customer_id(self):
        for lead in self:
            lead.sop_customer_id = lead.partner_id.commercial_partner_id or lead.partner_id

    def _auto_init(self):
        # filled by one UPDATE on install instead of computing a million leads in Python
        if not column_exists(self.env.cr, "crm_lead", "sop_customer_id"):
            create_column(self.env.cr, "crm_lead", "sop_customer_id", "int4")
            self.env.cr.execute(
                """UPDATE crm_lead l SET sop_customer_id = COALESCE(p.commercial_partner_id, p.id)
                     FROM res_partner p WHERE p.id = l.partner_id"""
            )
        return super()._auto_init()
