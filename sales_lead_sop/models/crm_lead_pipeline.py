from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmLead(models.Model):
    """The SOP pipeline (SOP.md §6) of teams that use it: their columns are the SOP stages
    only, every way into it (create, conversion, import, change of team) starts in the first
    SOP stage with the default expected closing date, Won by any path starts the order record
    and Lost by any path (Lost button, archive) needs a lost reason. Teams that do not use it
    keep Odoo's stages and rules."""

    _inherit = "crm.lead"

    # ------------------------------------------------------------
    # STAGES
    # ------------------------------------------------------------

    @api.model
    def _sop_team_pipeline(self, team_ids):
        """True when all `team_ids` use the SOP pipeline, False when none does, None when
        there is no team or a mix (then Odoo's own stage choice applies)."""
        # sudo: only the teams' pipeline flag is read, to choose stages; the team named by a
        # kanban's context may belong to a company the user does not work in
        flags = set(self.env["crm.team"].sudo().browse(team_ids).exists().mapped("sop_use_pipeline"))
        return flags.pop() if len(flags) == 1 else None

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """Columns of a team's pipeline: the SOP stages for an SOP team, Odoo's for others."""
        columns = super()._read_group_stage_ids(stages, domain)
        team_id = self.env.context.get("default_team_id")
        sop = self._sop_team_pipeline([team_id]) if isinstance(team_id, int) else None
        if sop is None:
            return columns
        return columns.filtered(lambda stage: stage.sop_pipeline == sop)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        """Stages of the leads' pipeline: SOP stages for SOP teams, Odoo's for other teams."""
        team_ids = set(self.team_id.ids) | ({team_id} if team_id else set())
        sop = self._sop_team_pipeline(list(team_ids)) if team_ids else None
        if sop is not None:
            domain = list(domain or []) + [("sop_pipeline", "=", sop)]
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)

    @api.model
    def _sop_first_stage(self, team):
        """First open SOP stage of `team`'s pipeline."""
        return self._stage_find(team_id=team.id, domain=[("fold", "=", False), ("sop_pipeline", "=", True)])

    @api.depends("team_id", "type")
    def _compute_stage_id(self):
        """An opportunity that comes into an SOP team (created, converted, imported, or its
        team set directly or through its salesperson) starts in the first SOP stage."""
        super()._compute_stage_id()
        for lead in self:
            if (
                lead.type == "opportunity"
                and lead.team_id.sop_use_pipeline
                and not lead.stage_id.sop_pipeline
            ):
                lead.stage_id = self._sop_first_stage(lead.team_id) or lead.stage_id

    @api.model
    def _sop_default_date_deadline(self):
        """Expected closing date of a new SOP opportunity (SOP.md §6).

        :config: sales_lead_sop.expected_close_months (1)
        """
        return fields.Date.context_today(self) + relativedelta(
            months=self._sop_param("expected_close_months")
        )

    def _sop_in_pipeline(self):
        """Opportunity of an SOP team, or in an SOP stage: the SOP's won and lost rules apply."""
        self.ensure_one()
        return self.type == "opportunity" and bool(
            self.team_id.sop_use_pipeline or self.stage_id.sop_pipeline
        )

    # not on team_id: a new team recomputes the stage, which is checked once it is computed
    # (checking on team_id would read the stage while it is being computed)
    @api.constrains("stage_id", "type")
    def _check_sop_pipeline_stage(self):
        for lead in self:
            if (
                lead.type == "opportunity"
                and lead.team_id.sop_use_pipeline
                and lead.stage_id
                and not lead.stage_id.sop_pipeline
            ):
                raise ValidationError(
                    self.env._(
                        "Opportunity %(name)s: team %(team)s works in the SOP pipeline, "
                        "so its stage must be an SOP stage, not %(stage)s.",
                        name=lead.name,
                        team=lead.team_id.name,
                        stage=lead.stage_id.name,
                    )
                )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        # the stage comes from _compute_stage_id (the first SOP stage), the closing date from here
        leads._sop_set_default_date_deadline()
        return leads

    def write(self, vals):
        if "active" in vals and not vals["active"] and not vals.get("lost_reason_id"):
            self._sop_check_lost_reason()
        newly_won = self.browse()
        if vals.get("stage_id") and self.env["crm.stage"].browse(vals["stage_id"]).is_won:
            newly_won = self.filtered(lambda lead: not lead.stage_id.is_won)
        res = super().write(vals)
        if "date_deadline" not in vals and {"type", "team_id", "user_id"} & set(vals):
            self._sop_set_default_date_deadline()
        newly_won.filtered(lambda lead: lead._sop_in_pipeline())._sop_open_order_record()
        return res

    def _sop_set_default_date_deadline(self):
        """Opportunities of the SOP pipeline without an expected closing date get the default."""
        undated = self.filtered(lambda lead: lead._sop_in_pipeline() and not lead.date_deadline)
        if undated:
            undated.write({"date_deadline": self._sop_default_date_deadline()})

    # ------------------------------------------------------------
    # WON / LOST
    # ------------------------------------------------------------

    def _sop_check_lost_reason(self):
        """A lost SOP opportunity must say why (SOP.md §6), however it is lost or archived."""
        missing = self.filtered(
            lambda lead: lead.active and lead._sop_in_pipeline() and not lead.lost_reason_id
        )
        if missing:
            raise UserError(
                self.env._(
                    "Opportunity %(name)s: the SOP requires a lost reason. Use the Lost button to give one.",
                    name=missing[0].name,
                )
            )

    def _sop_open_order_record(self):
        """Start the order record (PI number, amount, date) of opportunities that reach Won."""
        for lead in self:
            vals = {}
            if not lead.sop_order_amount:
                vals["sop_order_amount"] = lead.expected_revenue
            if not lead.sop_order_date:
                vals["sop_order_date"] = fields.Date.context_today(lead)
            if vals:
                lead.write(vals)

    def action_set_lost(self, **additional_values):
        """Odoo archives first and writes the reason after: give SOP opportunities their
        reason first, so the archive sees it."""
        if additional_values.get("lost_reason_id"):
            self.filtered(lambda lead: lead._sop_in_pipeline()).write(
                {"lost_reason_id": additional_values["lost_reason_id"]}
            )
        return super().action_set_lost(**additional_values)
