from odoo import api, fields, models

POOL_STATES = [("private", "Private Pool"), ("public", "Public Pool")]


class ResPartner(models.Model):
    """Pool side of an SOP customer: private (has an owner) or public (no owner),
    its last real contact and the day it would be recycled without one."""

    _inherit = "res.partner"

    sop_pool_state = fields.Selection(
        POOL_STATES,
        string="Pool",
        compute="_compute_sop_pool_state",
        store=True,
        index="btree_not_null",
    )
    sop_last_contact_date = fields.Datetime(string="Last Contact", readonly=True, copy=False, index=True)
    sop_recycle_date = fields.Date(
        string="Recycle Date",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Day the customer returns to the public pool if nobody contacts it; empty if exempt.",
    )

    @api.depends("sop_managed", "user_id")
    def _compute_sop_pool_state(self):
        for partner in self:
            if not partner.sop_managed:
                partner.sop_pool_state = False
            else:
                partner.sop_pool_state = "private" if partner.user_id else "public"

    def _sop_register_contact(self, when):
        """Record a real contact at `when` on these customers (SOP §4, what counts as contact).

        Only moves the date forward, so logging an old follow-up never hides a newer one.
        """
        for partner in self.filtered("sop_managed"):
            if not partner.sop_last_contact_date or partner.sop_last_contact_date < when:
                partner.sop_last_contact_date = when
