from odoo import api, models


class SopCadenceConfig(models.AbstractModel):
    """Typed access to the cadence, alert and KPI settings of the SOP."""

    _name = "sop.cadence.config"
    _description = "SOP Cadence and KPI Settings"

    @api.model
    def _get(self, key):
        """Return the integer setting `key` (without prefix), or its spec default (see sop.settings)."""
        return self.env["sop.settings"]._get_int(key)

    @api.model
    def _cadence_days(self, grade):
        """Days between two follow-ups of a customer of `grade` (A-D); 0 when ungraded."""
        return self._get("cadence_days_" + grade.lower()) if grade else 0
