from odoo import api, models

# Defaults of SOP.md §7 and §9; each is overridable through res.config.settings
# (system parameter 'sales_lead_sop.<key>').
CADENCE_DEFAULTS = {
    "cadence_days_a": 14,
    "cadence_days_b": 7,
    "cadence_days_c": 14,
    "cadence_days_d": 90,
    "over_contact_max_d": 2,
    "pause_reactivate_days": 90,
    "first_followup_working_days": 3,
    "recycle_warning_days": 7,
    "kpi_target_leads": 6,
    "kpi_target_customers": 5,
    "kpi_target_opp_existing": 3,
    "kpi_target_opp_new": 6,
    "kpi_target_alibaba_on_time": 100,
    "kpi_target_first_followup_on_time": 100,
    "kpi_target_coverage": 100,
    "kpi_target_completeness": 100,
}


class SopCadenceConfig(models.AbstractModel):
    """Typed access to the cadence, alert and KPI settings of the SOP."""

    _name = "sop.cadence.config"
    _description = "SOP Cadence and KPI Settings"

    @api.model
    def _get(self, key):
        """Return the integer setting `key` (without prefix), or its spec default.

        :config: sales_lead_sop.<key> (see CADENCE_DEFAULTS)
        """
        value = self.env["ir.config_parameter"].sudo().get_param("sales_lead_sop." + key)
        try:
            return int(value) if value not in (None, False, "") else CADENCE_DEFAULTS[key]
        except ValueError:
            return CADENCE_DEFAULTS[key]

    @api.model
    def _cadence_days(self, grade):
        """Days between two follow-ups of a customer of `grade` (A-D); 0 when ungraded."""
        return self._get("cadence_days_" + grade.lower()) if grade else 0
