from odoo import fields, models


class CrmTeam(models.Model):
    """Teams carry activities (the quarterly grade review lands on the team its leader runs),
    choose the SOP pipeline, and make Odoo's rule-based assignment respect the SOP."""

    _name = "crm.team"
    _inherit = ["crm.team", "mail.activity.mixin"]

    sop_use_pipeline = fields.Boolean(
        string="Use the SOP Pipeline",
        help="Opportunities of this team move through the SOP stages; other teams keep Odoo's stages.",
    )

    def _assign_and_convert_leads(self, force_quota=False):
        """Odoo's rule-based assignment, told to respect the SOP cooldown and capacity
        (see crm.lead._handle_salesmen_assignment)."""
        result = super(CrmTeam, self.with_context(sop_rule_assignment=True))._assign_and_convert_leads(
            force_quota=force_quota
        )
        if self.filtered("sop_use_pipeline"):
            # only SOP teams' leads are flagged for the "assigned to you" notification
            cron = self.env.ref("sales_lead_sop.ir_cron_sop_notify_assignments", raise_if_not_found=False)
            if cron:
                cron._trigger()
        return result
