import logging

from odoo import api, fields, models
from odoo.tools import split_every

from .sop_profile_field import COMPLETENESS_CANDIDATES

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    """Profile completeness (档案完整度): share of the admin-chosen profile fields filled in."""

    _inherit = "res.partner"

    sop_completeness = fields.Integer(
        string="Profile Completeness",
        compute="_compute_sop_completeness",
        store=True,
        index="btree_not_null",
        aggregator="avg",
        help="Percentage of the profile fields chosen in Configuration that are filled in.",
    )

    @api.depends("sop_managed", *COMPLETENESS_CANDIDATES)
    def _compute_sop_completeness(self):
        counted = self.env["sop.profile.field"].sudo()._counted_field_names()
        for partner in self:
            if not partner.sop_managed or not counted:
                partner.sop_completeness = 0
                continue
            filled = sum(1 for name in counted if partner[name])
            partner.sop_completeness = round(100 * filled / len(counted))

    @api.model
    def _sop_recompute_completeness_all(self, batch_size=5000):
        """Recompute the score of every SOP customer after the counted fields changed.

        Works in batches of ids so memory stays bounded on a million customers.
        """
        self.flush_model(["sop_managed"])
        self.env.cr.execute("SELECT id FROM res_partner WHERE sop_managed ORDER BY id")
        ids = [row[0] for row in self.env.cr.fetchall()]
        for batch in split_every(batch_size, ids):
            partners = self.browse(batch)
            self.env.add_to_compute(self._fields["sop_completeness"], partners)
            partners._recompute_recordset(["sop_completeness"])
            partners.flush_recordset(["sop_completeness"])
            self.env.invalidate_all()
        _logger.info("sales_lead_sop: recomputed profile completeness of %d customers", len(ids))
