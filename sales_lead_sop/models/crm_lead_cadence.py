from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .sop_settings import CADENCE_UNITS


class CrmLead(models.Model):
    """Cadence periods of leads and opportunities with their unit (calendar or working days,
    a setting per period [002 四(三)2]), the daily follow-up of an opportunity in a key stage
    [001 step 4], and the first contact, which only our side makes [002 四(二)1]."""

    _inherit = "crm.lead"

    sop_first_contact_date = fields.Datetime(
        string="First Contact",
        readonly=True,
        copy=False,
        help="First contact made by our side (call, visit, email or message sent, follow-up "
        "logged); an email received from the customer is not one.",
    )
    sop_is_key_stage = fields.Boolean(related="stage_id.sop_key_stage", string="In a Key Stage")

    @api.model
    def _sop_period(self, name):
        """(days, unit) of the cadence period `name` (potential, clear, high, key_stage).

        :config: sales_lead_sop.cadence_<name>_days / key_stage_cadence_days and their _unit
        """
        settings = self.env["sop.settings"]
        days_key = "key_stage_cadence_days" if name == "key_stage" else f"cadence_{name}_days"
        unit_key = "key_stage_cadence_unit" if name == "key_stage" else f"cadence_{name}_unit"
        return settings._get_int(days_key), settings._get_choice(unit_key, dict(CADENCE_UNITS))

    def _sop_add_period(self, start, days, unit):
        """End of the period of `days` days in `unit` after the day of `start`: the end of the
        `days`-th working day (see _sop_add_working_days), or of the `days`-th calendar day in
        the company calendar's time zone."""
        self.ensure_one()
        if unit == "working":
            return self._sop_add_working_days(start, days)
        calendar = (self.company_id or self.env.company).resource_calendar_id
        tz = pytz.timezone(calendar.tz or "UTC")
        local_day = pytz.utc.localize(start).astimezone(tz).date() + timedelta(days=max(days, 0))
        end = tz.localize(datetime.combine(local_day, time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)

    def _sop_key_stage_deadline(self):
        """Daily follow-up of an open opportunity in a key stage: the period runs from the last
        contact, or from its arrival in the stage when not contacted since."""
        self.ensure_one()
        if self.type != "opportunity" or not self.stage_id.sop_key_stage or self.stage_id.is_won:
            return False
        entered = self.date_last_stage_update or self.create_date or fields.Datetime.now()
        start = max(entered, self.sop_last_contact_date or entered)
        days, unit = self._sop_period("key_stage")
        return self._sop_add_period(start, days, unit)

    def _sop_register_contact(self, when, ours=True):
        """Besides the last contact: the first contact by our side (`ours`)."""
        res = super()._sop_register_contact(when)
        if ours:
            for lead in self.filtered(lambda lead: not lead.sop_first_contact_date):
                # sudo: a system stamp, written only here from a contact that was made
                lead.sudo().sop_first_contact_date = when
        return res
