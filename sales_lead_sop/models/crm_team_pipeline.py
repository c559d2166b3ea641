from odoo import api, models

# opportunities moved per write: bounds memory and the size of each UPDATE
MOVE_BATCH = 1000


class CrmTeam(models.Model):
    """A team that turns the SOP pipeline on brings its opportunities along: those still in
    Odoo's stages move to the SOP stages (won to the SOP's Won, every other one to the first
    SOP stage), so none disappears from the team's kanban, whose columns are SOP stages only."""

    _inherit = "crm.team"

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        teams.filtered("sop_use_pipeline")._sop_move_opportunities_to_sop_stages()
        return teams

    def write(self, vals):
        turning_on = (
            self.filtered(lambda team: not team.sop_use_pipeline) if vals.get("sop_use_pipeline") else None
        )
        res = super().write(vals)
        if turning_on:
            turning_on._sop_move_opportunities_to_sop_stages()
        return res

    def _sop_move_opportunities_to_sop_stages(self):
        """Move the teams' opportunities (open, won and lost) out of Odoo's stages.

        Also run by the 18.0.1.2.0 upgrade for teams that used the SOP pipeline before this rule.
        Tracking is off: one note per team says how many moved, instead of one message each."""
        Lead = self.env["crm.lead"].with_context(active_test=False, tracking_disable=True)
        for team in self:
            first = Lead._sop_first_stage(team)
            won = Lead._stage_find(
                team_id=team.id, domain=[("is_won", "=", True), ("sop_pipeline", "=", True)]
            )
            if not first:
                continue
            moved = 0
            while True:
                leads = Lead.search(
                    [
                        ("team_id", "=", team.id),
                        ("type", "=", "opportunity"),
                        ("stage_id.sop_pipeline", "=", False),
                    ],
                    limit=MOVE_BATCH,
                )
                if not leads:
                    break
                was_won = leads.filtered("stage_id.is_won") if won else Lead
                (leads - was_won).write({"stage_id": first.id})
                if was_won:
                    # SQL: a deal won before the SOP keeps its history as it is; entering the SOP's
                    # Won by hand needs an expected amount, which old deals may lack. Won to won
                    # changes nothing that is computed from the stage (probability, won status).
                    self.env.cr.execute(
                        "UPDATE crm_lead SET stage_id = %s WHERE id IN %s", [won.id, tuple(was_won.ids)]
                    )
                moved += len(leads)
                Lead.invalidate_model()
            if moved:
                team.message_post(
                    body=self.env._(
                        "The SOP pipeline is on: %(count)s opportunities moved from Odoo's stages to the SOP "
                        "stages (won ones to %(won)s, the others to %(first)s).",
                        count=moved,
                        won=won.name if won else first.name,
                        first=first.name,
                    )
                )
