from odoo import api, models


class CrmTeam(models.Model):
    """A new team leader changes whose SOP records the leader reaches: drop cached rules."""

    _inherit = "crm.team"

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        self.env["res.users"]._sop_scope_changed()
        return teams

    def write(self, vals):
        res = super().write(vals)
        if "user_id" in vals or "crm_team_member_ids" in vals or "member_ids" in vals:
            self.env["res.users"]._sop_scope_changed()
        return res


class CrmTeamMember(models.Model):
    """Joining or leaving a team changes what the team leader reaches: drop cached rules."""

    _inherit = "crm.team.member"

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        self.env["res.users"]._sop_scope_changed()
        return members

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "crm_team_id", "active"} & set(vals):
            self.env["res.users"]._sop_scope_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["res.users"]._sop_scope_changed()
        return res
