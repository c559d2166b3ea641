from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.module_loading import loading_module_data

REVIEW_STATES = [
    ("submitted", "Waiting for Review"),
    ("approved", "Approved"),
    ("approved_pending", "Approved, to Complete"),
    ("rejected", "Rejected"),
]


class ResPartner(models.Model):
    """Manager review of new SOP customers (审核): approve, approve after completion, reject."""

    _inherit = "res.partner"

    sop_review_state = fields.Selection(
        REVIEW_STATES, string="Review", copy=False, tracking=True, index="btree_not_null"
    )
    sop_review_reason = fields.Text(string="Review Note", copy=False, tracking=True)
    sop_reviewer_id = fields.Many2one("res.users", string="Reviewed By", copy=False, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Every new SOP customer waits for a manager, whatever the caller sent (module data
            # such as the demo keeps the state it was written with).
            if vals.get("sop_managed") and not vals.get("parent_id") and not loading_module_data(self.env):
                vals.update(sop_review_state="submitted", sop_reviewer_id=False)
        return super().create(vals_list)

    def write(self, vals):
        # only the review methods below write these, in superuser mode after their own checks
        if {"sop_review_state", "sop_reviewer_id"} & set(vals) and not self.env.su:
            raise UserError(self.env._("Use the review buttons to approve or reject a customer."))
        return super().write(vals)

    def _sop_check_reviewer(self):
        if not self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            raise AccessError(self.env._("Only a sales manager can review new customers."))

    def _sop_review(self, state, reason=False):
        self._sop_check_reviewer()
        pending = self.filtered(lambda p: p.sop_managed)
        if not pending:
            raise UserError(self.env._("Only SOP customers are reviewed."))
        # sudo: the review fields are written only here, once the caller is known to be a manager;
        # the manager's own write access on the customers is checked first
        pending.check_access("write")
        pending.sudo().write(
            {"sop_review_state": state, "sop_review_reason": reason, "sop_reviewer_id": self.env.user.id}
        )
        label = dict(self._fields["sop_review_state"]._description_selection(self.env))[state]
        for partner in pending:
            body = self.env._("Review: %(state)s", state=label)
            if reason:
                body = self.env._("Review: %(state)s. %(reason)s", state=label, reason=reason)
            partner_ids = partner.user_id.partner_id.ids
            partner.message_post(body=body, partner_ids=partner_ids, subtype_xmlid="mail.mt_note")
        return True

    def action_sop_review_approve(self):
        """Approve the profile as it is (managers only)."""
        return self._sop_review("approved")

    def action_sop_review_approve_pending(self, reason=False):
        """Approve, but ask the owner to complete the profile (managers only)."""
        return self._sop_review("approved_pending", reason or self.env._("Please complete the profile."))

    def action_sop_review_reject(self, reason):
        """Reject with a reason the owner sees (managers only)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason for the rejection."))
        return self._sop_review("rejected", reason)

    def action_sop_review_resubmit(self):
        """The owner completed or corrected the profile and submits it again."""
        to_submit = self.filtered(lambda p: p.sop_review_state in ("rejected", "approved_pending"))
        to_submit.check_access("write")  # the owner (or their manager) resubmits, nobody else
        # sudo: the review state is written only by the review methods, after the check above
        to_submit.sudo().write({"sop_review_state": "submitted"})
        return True

    def action_sop_open_reject_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Customer"),
            "res_model": "sop.review.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }
