from odoo import fields, models

ON_TIME_STATES = [("pending", "Pending"), ("on_time", "On Time"), ("late", "Late")]


class CrmLead(models.Model):
    """After-sales visit of a won deal [001 step 6]: within N working days of the win the rep
    visits or calls back the customer. The deal's owner gets a Visit activity due then; any
    contact with the customer after the win (on the deal or on the customer) settles it, on
    time or late; the nightly cadence job marks the ones still open after their deadline late."""

    _inherit = "crm.lead"

    sop_aftersales_deadline = fields.Datetime(string="After-sales Visit Due", readonly=True, copy=False)
    sop_aftersales_state = fields.Selection(
        ON_TIME_STATES, string="After-sales Visit", readonly=True, copy=False, index="btree_not_null"
    )

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals:
            # a deal reopened (left its won stage) owes no after-sales visit
            self.filtered(
                lambda lead: lead.sop_aftersales_state == "pending" and not lead.stage_id.is_won
            ).write({"sop_aftersales_state": False, "sop_aftersales_deadline": False})
        return res

    def _sop_open_order_record(self):
        """Besides the order record: start the after-sales visit deadline and plan the visit.

        :config: sales_lead_sop.aftersales_visit_working_days (7)
        """
        res = super()._sop_open_order_record()
        todo = self.filtered(lambda lead: not lead.sop_aftersales_state)
        if not todo:
            return res  # called on every write of a deal (mostly empty): no query then
        days = self._sop_param("aftersales_visit_working_days")
        visit = self.env.ref("sales_lead_sop.mail_activity_type_visit")
        for lead in todo:
            won = lead.date_closed or fields.Datetime.now()
            deadline = lead._sop_add_working_days(won, days)
            # sudo: system stamps of the SOP deadline, not editable by the rep
            lead.sudo().write({"sop_aftersales_deadline": deadline, "sop_aftersales_state": "pending"})
            if lead.user_id:
                lead.activity_schedule(
                    activity_type_id=visit.id,
                    date_deadline=fields.Date.context_today(lead, deadline),
                    summary=self.env._("After-sales visit"),
                    user_id=lead.user_id.id,
                )
        return res

    def _sop_register_contact(self, when, ours=True):
        res = super()._sop_register_contact(when, ours=ours)
        if ours:
            self._sop_settle_aftersales(when)
        return res

    def _sop_settle_aftersales(self, when):
        """Settle the pending after-sales visits of these deals with a contact at `when`."""
        for lead in self.filtered(lambda lead: lead.sop_aftersales_state == "pending"):
            if lead.date_closed and when < lead.date_closed:
                continue  # a contact logged before the win is not the after-sales visit
            # sudo: system stamp, written only from a contact that was made
            lead.sudo().sop_aftersales_state = "on_time" if when <= lead.sop_aftersales_deadline else "late"

    def _sop_settle_aftersales_of_customers(self, customers, when):
        """A contact with `customers` (on the customer, not the deal) settles their deals'
        pending after-sales visits; read by the partial index on the pending state."""
        # sudo: the contact was made with the customer; its won deals may be the former owner's
        deals = self.sudo().search(
            [("sop_aftersales_state", "=", "pending"), ("sop_customer_id", "in", customers.ids)]
        )
        deals._sop_settle_aftersales(when)
