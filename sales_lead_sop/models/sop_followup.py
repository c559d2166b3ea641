from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.rpc_input import check_rpc_vals

METHODS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("visit", "Visit"),
    ("meeting", "Meeting"),
    ("whatsapp", "WhatsApp"),
    ("wechat", "WeChat"),
    ("other", "Other"),
]


class SopFollowup(models.Model):
    """A logged follow-up (跟进记录): a real contact with a customer or a lead.
    Creating one moves the last-contact date of its customer and lead, and a next date
    schedules an activity for the owner."""

    _name = "sop.followup"
    _description = "SOP Follow-up"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    lead_id = fields.Many2one("crm.lead", string="Lead / Opportunity", index=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, default=lambda self: self.env.user
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    method = fields.Selection(METHODS, required=True, default="phone")
    content = fields.Text(required=True)
    feedback = fields.Text(string="Customer Feedback")
    next_action = fields.Char(string="Next Step")
    next_date = fields.Date(string="Next Follow-up")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_rpc_vals(self, vals)
        followups = super().create(vals_list)
        followups._sop_register_contact()
        followups.filtered("next_date")._sop_schedule_next()
        return followups

    @api.constrains("date")
    def _check_date_not_ahead(self):
        """A follow-up records a contact that happened: dated ahead, it would hold off the
        recycling of its customer.

        :config: sales_lead_sop.followup_clock_skew_minutes (10)
        """
        skew = self.env["sop.settings"]._get_int("followup_clock_skew_minutes")
        latest = fields.Datetime.now() + timedelta(minutes=skew)
        for followup in self:
            if followup.date > latest:
                raise ValidationError(
                    self.env._(
                        "A follow-up records a contact that took place: "
                        "its date cannot be in the future (%(date)s).",
                        date=fields.Datetime.to_string(followup.date),
                    )
                )

    def _sop_register_contact(self):
        """Push each follow-up's date to its lead and customer as their last contact."""
        for followup in self:
            partner = (
                followup.partner_id.commercial_partner_id or followup.lead_id.partner_id.commercial_partner_id
            )
            partner._sop_register_contact(followup.date)
            followup.lead_id._sop_register_contact(followup.date)
            if partner:
                partner._sop_apply_group_move("reply", self.env._("follow-up logged"))

    def _sop_schedule_next(self):
        """Schedule a to-do activity on the next date for the owner of the lead or customer."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for followup in self:
            record = followup.lead_id or followup.partner_id
            if not record:
                continue
            owner = record.user_id or followup.user_id
            record.activity_schedule(
                activity_type_id=todo.id if todo else False,
                date_deadline=followup.next_date,
                summary=followup.next_action or self.env._("Follow up"),
                note=followup.content,
                user_id=owner.id,
            )

    @api.model
    def _sop_action_log(self, lead=None, partner=None):
        """Window action of the "log follow-up" dialog, prefilled for `lead` and/or `partner`."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Follow-up"),
            "res_model": "sop.followup",
            "view_mode": "form",
            "views": [(self.env.ref("sales_lead_sop.sop_followup_view_form_quick").id, "form")],
            "target": "new",
            "context": {
                "default_lead_id": lead.id if lead else False,
                "default_partner_id": partner.id if partner else False,
            },
        }
