from odoo import api, fields, models


class ResUsers(models.Model):
    """Whose SOP customers and leads a user may reach: the user's own, plus the members'
    of every sales team the user leads (crm.team.user_id). Read by the record rules."""

    _inherit = "res.users"

    sop_scope_user_ids = fields.Many2many(
        "res.users",
        string="SOP Scope Users",
        compute="_compute_sop_scope_user_ids",
        compute_sudo=True,
        help="The user and the members of the sales teams the user leads.",
    )

    @api.depends_context("uid")
    def _compute_sop_scope_user_ids(self):
        # sudo (compute_sudo): a team leader may not read every team record, yet the
        # scope must be complete for the record rules that read this field.
        teams = self.env["crm.team"].with_context(active_test=False).search([("user_id", "in", self.ids)])
        for user in self:
            led = teams.filtered(lambda team, user=user: team.user_id == user)
            user.sop_scope_user_ids = user | led.crm_team_member_ids.user_id | led.user_id

    @api.model
    def _sop_scope_changed(self):
        """Team leaders or members changed: forget the cached scopes and the cached rule
        domains built from them."""
        self.invalidate_model(["sop_scope_user_ids"])
        self.env.registry.clear_cache()
