from odoo import api, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    """Who may take a lead of a pool [003]: the pool's members, or its team (see
    sop.lead.pool._sop_claimers). Enforced on every way a rep gives a pool lead an owner:
    the claim button (which writes the salesperson) and a plain create or write of `user_id`
    (form, import, RPC). Managers and sales administrators assign (分配) freely."""

    _inherit = "crm.lead"

    @api.model_create_multi
    def create(self, vals_list):
        Pool = self.env["sop.lead.pool"]
        for vals in vals_list:
            if vals.get("user_id") and vals.get("sop_pool_id"):
                self._sop_check_pool_holder(Pool.browse(vals["sop_pool_id"]), vals["user_id"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("user_id"):
            pools = self.env["sop.lead.pool"].browse(vals["sop_pool_id"]) if vals.get("sop_pool_id") else None
            for pool in pools or self.sop_pool_id:
                self._sop_check_pool_holder(pool, vals["user_id"])
        return super().write(vals)

    @api.model
    def _sop_check_pool_holder(self, pool, user_id):
        """Refuse `user_id` as the owner of a lead of `pool` unless they are one of its claimers,
        or a manager or the system sets it. Checked before anything is written."""
        if self.env.su or self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            return
        claimers = pool.exists() and pool._sop_claimers()
        user = self.env["res.users"].browse(user_id)
        if claimers and user not in claimers:
            raise UserError(
                self.env._(
                    "Lead %(lead)s belongs to the pool %(pool)s: only its members (or its team) "
                    "may take it, and %(user)s is not one of them.",
                    lead=", ".join(self.mapped("name")[:3]) or pool.name,
                    pool=pool.name,
                    user=user.sudo().name,  # sudo: the name of the user being refused only
                )
            )
