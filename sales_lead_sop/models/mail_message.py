from odoo import api, models

CONTACT_MODELS = ("crm.lead", "res.partner")
CONTACT_TYPES = ("email", "comment", "email_outgoing")


class MailMessage(models.Model):
    """An email sent to or received from a customer (or its contacts) on a lead or a customer
    is a contact (SOP.md §4): it moves their last-contact date. Notes, tracking messages and
    plain edits are not."""

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        # decide from the values first: tracking and other notifications (most messages)
        # then cost no query at all
        if self.env.context.get("sop_inquiry_arrival"):
            return messages  # the inquiry that created the lead (crm.lead.message_new)
        candidates = [
            message.id
            for message, vals in zip(messages, vals_list, strict=True)
            if vals.get("model") in CONTACT_MODELS and vals.get("message_type", "comment") in CONTACT_TYPES
        ]
        if candidates:
            self.browse(candidates)._sop_register_contact()
        return messages

    def _sop_register_contact(self):
        for message in self:
            if message.model not in CONTACT_MODELS or not message.res_id:
                continue
            if message.message_type not in CONTACT_TYPES:
                continue
            if message.message_type != "email" and (message.is_internal or message.subtype_id.internal):
                continue
            # sudo: the sender may be the mail gateway or a rep without rights on the customer
            record = self.env[message.model].sudo().browse(message.res_id).exists()
            if not record:
                continue
            if message.model == "crm.lead":
                lead, customer = record, record.partner_id.commercial_partner_id
            else:
                lead, customer = self.env["crm.lead"], record.commercial_partner_id
            if not message._sop_is_customer_exchange(customer, lead):
                continue
            # an email received is the customer's contact, not ours: it is never the first
            # contact of a lead nor the after-sales visit of a won deal
            ours = message.message_type != "email"
            customer.with_context(sop_contact_inbound=not ours)._sop_register_contact(message.date)
            lead._sop_register_contact(message.date, ours=ours)
            if customer and not ours:  # received from the customer: a reply
                customer._sop_apply_group_move("reply", self.env._("email received"))

    def _sop_is_customer_exchange(self, customer, lead):
        """True when this message came from, or was sent to, the customer or its contacts
        (or, for a lead without customer, the lead's email address)."""
        self.ensure_one()
        if self.message_type == "email":
            author = self.author_id.commercial_partner_id
            if customer and author == customer:
                return True
            return bool(
                lead and lead.email_normalized and lead.email_normalized in (self.email_from or "").lower()
            )
        recipients = self.partner_ids.commercial_partner_id
        if customer and customer in recipients:
            return True
        return bool(
            lead
            and lead.email_normalized
            and lead.email_normalized in self.partner_ids.mapped("email_normalized")
        )
