from odoo import api, fields, models

ON_TIME_STATES = [("pending", "Pending"), ("on_time", "On Time"), ("late", "Late")]


class CrmLead(models.Model):
    """Alibaba inquiries must be processed (typed) within N working days (SOP.md §2)."""

    _inherit = "crm.lead"

    sop_processing_deadline = fields.Datetime(string="Processing Deadline", copy=False, readonly=True)
    sop_processing_state = fields.Selection(
        ON_TIME_STATES, string="Processing", copy=False, readonly=True, index="btree_not_null"
    )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        alibaba = self.env.ref("sales_lead_sop.utm_source_alibaba", raise_if_not_found=False)
        inquiries = leads.filtered(lambda lead: alibaba and lead.source_id == alibaba)
        inquiries._sop_set_processing_deadline()
        inquiries.filtered("sop_lead_type")._sop_settle_processing()
        return leads

    def write(self, vals):
        res = super().write(vals)
        if vals.get("sop_lead_type"):
            self.filtered(lambda lead: lead.sop_processing_state == "pending")._sop_settle_processing()
        return res

    def _sop_set_processing_deadline(self):
        """N working days after arrival, arrival day excluded, company calendar: the same
        deadline as the lead's `sop_deadline` for an untyped inquiry.

        :config: sales_lead_sop.alibaba_processing_working_days (2)
        """
        days = self._sop_param("alibaba_processing_working_days")
        for lead in self:
            arrival = lead.sop_received_date or fields.Datetime.now()
            lead.sop_processing_deadline = lead._sop_add_working_days(arrival, days)
            lead.sop_processing_state = "pending"

    def _sop_settle_processing(self):
        now = fields.Datetime.now()
        for lead in self:
            lead.sop_processing_state = "on_time" if now <= lead.sop_processing_deadline else "late"
