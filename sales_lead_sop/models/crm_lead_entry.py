from odoo import api, fields, models

ON_TIME_STATES = [("pending", "Pending"), ("on_time", "On Time"), ("late", "Late")]


class CrmLead(models.Model):
    """Entry deadline measured [001 step 1: a qualified customer is entered within 1 working
    day]: from the moment the lead is typed a target customer (`sop_qualified_date`) to the
    moment it gets its customer (converted or linked), decided on time or late for the KPI
    scorecard. The deadline itself is among the lead's `sop_deadline` candidates."""

    _inherit = "crm.lead"

    sop_entry_deadline = fields.Datetime(string="Customer Entry Due", readonly=True, copy=False)
    sop_entry_state = fields.Selection(
        ON_TIME_STATES, string="Customer Entry", readonly=True, copy=False, index="btree_not_null"
    )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._sop_update_entry_state()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if {"sop_qualified_date", "sop_lead_type", "partner_id"} & set(vals):
            self._sop_update_entry_state()
        return res

    def _sop_update_entry_state(self):
        """Start the entry deadline of newly qualified leads, settle it when the customer is set.

        :config: sales_lead_sop.customer_entry_working_days (1)
        """
        now = fields.Datetime.now()
        days = self._sop_param("customer_entry_working_days")
        for lead in self.filtered(lambda lead: lead.sop_qualified_date and lead.user_id):
            vals = {}
            if not lead.sop_entry_state:
                vals["sop_entry_deadline"] = lead._sop_add_working_days(lead.sop_qualified_date, days)
                vals["sop_entry_state"] = "pending"
            if lead.partner_id and (vals.get("sop_entry_state") or lead.sop_entry_state) == "pending":
                deadline = vals.get("sop_entry_deadline") or lead.sop_entry_deadline
                vals["sop_entry_state"] = "on_time" if now <= deadline else "late"
            if vals:
                # sudo: system stamps of the SOP deadline, not editable by the rep
                lead.sudo().write(vals)
