from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    """The leads workspace of reps and managers (My Leads, Team Leads): days left before the
    SOP deadline, what is due today, and the leads of the teams a manager leads. None of it
    depends on Odoo's "use leads" option."""

    _inherit = "crm.lead"

    sop_days_left = fields.Integer(
        string="Days Left",
        compute="_compute_sop_days_left",
        help="Days from today to the SOP deadline, in the user's time zone; negative when overdue.",
    )
    sop_due_today = fields.Boolean(
        string="Due Today",
        compute="_compute_sop_due_today",
        search="_search_sop_due_today",
        help="The SOP deadline falls before the end of today and has not passed yet.",
    )
    sop_in_my_team = fields.Boolean(
        string="In My Teams",
        compute="_compute_sop_in_my_team",
        search="_search_sop_in_my_team",
        help="Held by the user or a member of a team they lead, or waiting unassigned in such a "
        "team or in a lead pool of such a team.",
    )

    def _sop_user_tz(self):
        return pytz.timezone(self.env.user.tz or self.env.context.get("tz") or "UTC")

    def _sop_end_of_today(self):
        """End of the user's current day, as a naive UTC datetime (the ORM's convention)."""
        tz = self._sop_user_tz()
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
        end = tz.localize(datetime.combine(today + timedelta(days=1), time.min))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("sop_deadline")
    @api.depends_context("uid")
    def _compute_sop_days_left(self):
        tz = self._sop_user_tz()
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
        for lead in self:
            if lead.sop_deadline:
                day = pytz.utc.localize(lead.sop_deadline).astimezone(tz).date()
                lead.sop_days_left = (day - today).days
            else:
                lead.sop_days_left = 0

    @api.depends("sop_deadline")
    @api.depends_context("uid")
    def _compute_sop_due_today(self):
        now, end = fields.Datetime.now(), self._sop_end_of_today()
        for lead in self:
            lead.sop_due_today = bool(lead.sop_deadline and now <= lead.sop_deadline < end)

    def _search_sop_due_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        due = [("sop_deadline", ">=", fields.Datetime.now()), ("sop_deadline", "<", self._sop_end_of_today())]
        return due if (operator == "=") == value else ["!", "&", *due]

    @api.depends_context("uid")
    def _compute_sop_in_my_team(self):
        mine = self.filtered_domain(self._sop_my_team_domain())
        for lead in self:
            lead.sop_in_my_team = lead in mine

    def _search_sop_in_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = self._sop_my_team_domain()
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _sop_my_team_domain(self):
        """Leads of the acting user's scope: their own, their team members' (teams they lead),
        and unassigned ones of those teams or of those teams' lead pools. A filter only: what
        the user may open is decided by the record rules."""
        user = self.env.user
        # sudo: the ids of the teams the user leads, to build a filter on the user's own leads
        teams = self.env["crm.team"].sudo().search([("user_id", "=", user.id)])
        return [
            "|",
            ("user_id", "in", user.sop_scope_user_ids.ids),
            "&",
            ("user_id", "=", False),
            "|",
            ("team_id", "in", teams.ids),
            ("sop_pool_id.team_id", "in", teams.ids),
        ]

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_sop_mark_target(self):
        """Lead processing (线索类型): a valid, reachable inquiry, to convert into a customer."""
        self.write({"sop_lead_type": "target"})
        return True

    def action_sop_mark_to_verify(self):
        """Lead processing: no reply or no valid contact yet; stays in the list, followed up later."""
        self.write({"sop_lead_type": "to_verify"})
        return True

    def action_sop_assign_wizard(self):
        """Open the manager's assignment dialog (分配) for these leads."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assign Leads"),
            "res_model": "sop.lead.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_ids": self.ids},
        }
