from odoo import fields, models


class SopReviewReject(models.TransientModel):
    """Collects the reason of a rejected customer review; the model method does the work."""

    _name = "sop.review.reject"
    _description = "Reject Customer Review"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.partner_ids.action_sop_review_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
