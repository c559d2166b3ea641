from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    sop_is_contact = fields.Boolean(
        string="Counts as Contact",
        help="Marking an activity of this type done is a real contact with the customer (SOP).",
    )


class MailActivity(models.Model):
    """A done call, meeting or visit activity is a contact (SOP.md §4)."""

    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        contacts = [
            (activity.res_model, activity.res_id)
            for activity in self
            if activity.activity_type_id.sop_is_contact and activity.res_model in ("crm.lead", "res.partner")
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        now = fields.Datetime.now()
        for model, res_id in contacts:
            # sudo: the date is a system stamp; the rep marking the activity done may not write it
            record = self.env[model].sudo().browse(res_id).exists()
            if model == "crm.lead":
                record._sop_register_contact(now)
                record.partner_id.commercial_partner_id._sop_register_contact(now)
            else:
                record.commercial_partner_id._sop_register_contact(now)
        return result
