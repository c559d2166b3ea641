from odoo import api, models

# Spec defaults (SOP.md) of every setting the SOP reads. Admins change them in Settings, which
# stores them as system parameters 'sales_lead_sop.<key>'; the Settings fields take their
# defaults from here too, so each default is written once.
SOP_SETTING_DEFAULTS = {
    # §2 leads and §6 pipeline
    "alibaba_processing_working_days": 2,
    "first_contact_days": 1,
    "customer_entry_working_days": 1,
    "cadence_potential_days": 7,
    "cadence_clear_days": 3,
    "cadence_high_days": 1,
    # unit of each lead cadence period: "weekly" is 7 calendar days [002 四(三)2]
    "cadence_potential_unit": "calendar",
    "cadence_clear_unit": "working",
    "cadence_high_unit": "working",
    # daily follow-up while an opportunity is at a key stage [001 step 4]
    "key_stage_cadence_days": 1,
    "key_stage_cadence_unit": "working",
    # after-sales visit within 7 working days of a won deal [001 step 6]
    "aftersales_visit_working_days": 7,
    # reminders this many days before an expected closing date or a next follow-up [002 六(一)5]
    "reminder_lead_days": 2,
    "rating_weight_need": 40,
    "rating_weight_budget": 30,
    "rating_weight_cycle": 30,
    "rating_threshold_a": 70,
    "rating_threshold_b": 40,
    "expected_close_months": 1,
    "lead_recycle_days": 45,
    "lead_cooldown_days": 3,
    "lead_capacity": 0,
    "lead_recycle_batch": 500,
    "api_max_body_kb": 64,
    # §3 customer grades (yearly purchases, company currency)
    "grade_a_amount": 500000,
    "grade_b_amount": 200000,
    "grade_c_amount": 50000,
    # §4 pools
    "cooldown_days": 3,
    "capacity": 300,
    "daily_claim_limit": 0,
    "recycle_undo_days": 7,
    "claim_take_working_days": 2,
    # not in the spec: size of one batch of the claim-lapse job
    "claim_lapse_batch": 500,
    # §5 duplicate check
    "duplicate_similarity": 60,
    "duplicate_policy_name": "block",
    "duplicate_policy_phone": "block",
    "duplicate_policy_email": "block",
    "duplicate_policy_email_domain": "warn",
    "duplicate_policy_website": "block",
    "duplicate_policy_similar_name": "warn",
    # not in the spec: bounds that keep the duplicate check fast at a million customers
    "duplicate_match_limit": 20,
    "duplicate_similar_keys": 20,
    "duplicate_key_batch_size": 50000,
    # §7 cadence and alerts
    "cadence_days_a": 14,
    "cadence_days_b": 7,
    "cadence_days_c": 14,
    "cadence_days_d": 90,
    "over_contact_max_d": 2,
    "pause_reactivate_days": 90,
    "first_followup_working_days": 3,
    "recycle_warning_days": 7,
    # not in the spec: how far ahead of the server's clock a follow-up may be dated (a phone's skew)
    "followup_clock_skew_minutes": 10,
    # §8 handover
    "handover_block_days": 30,
    "handover_ack_working_days": 3,
    # the receiver's follow-ups on handed-over customers reported weekly for a month [001 §4(五)]
    "handover_feedback_days": 30,
    # §9 KPI targets per rep and month
    "kpi_target_leads": 6,
    "kpi_target_customers": 5,
    "kpi_target_opp_existing": 3,
    "kpi_target_opp_new": 6,
    "kpi_target_alibaba_on_time": 100,
    "kpi_target_first_followup_on_time": 100,
    "kpi_target_entry_on_time": 100,
    "kpi_target_coverage": 100,
    "kpi_target_completeness": 100,
    # KPI targets per rep and day [004 规则: 32 calls, 5 new customer resources a day]
    "quota_daily_followups": 32,
    "quota_daily_customers": 5,
    # "6 leads a month from other channels" [000 §1.4] counts leads of the sources flagged for it
}
# unit of a cadence period
CADENCE_UNITS = [("calendar", "Calendar Days"), ("working", "Working Days")]


class SopSettings(models.AbstractModel):
    """The one reader of the SOP settings: the stored value, or the spec default when it is
    unset or unreadable (a hand-edited system parameter must not break a cron)."""

    _name = "sop.settings"
    _description = "SOP Settings"

    @api.model
    def _get_raw(self, key):
        # sudo: settings are system parameters, readable only by admins; every user's
        # action depends on them (a rep's claim reads the capacity).
        return self.env["ir.config_parameter"].sudo().get_param(f"sales_lead_sop.{key}")

    @api.model
    def _get_int(self, key):
        """Integer setting `sales_lead_sop.<key>` (see SOP_SETTING_DEFAULTS)."""
        value = self._get_raw(key)
        try:
            return int(value) if value not in (None, False, "") else SOP_SETTING_DEFAULTS[key]
        except ValueError:
            return SOP_SETTING_DEFAULTS[key]

    @api.model
    def _get_float(self, key):
        """Number setting `sales_lead_sop.<key>` (see SOP_SETTING_DEFAULTS)."""
        value = self._get_raw(key)
        try:
            return float(value) if value not in (None, False, "") else float(SOP_SETTING_DEFAULTS[key])
        except ValueError:
            return float(SOP_SETTING_DEFAULTS[key])

    @api.model
    def _get_choice(self, key, choices):
        """Selection setting `sales_lead_sop.<key>`: the stored value if it is one of `choices`."""
        value = self._get_raw(key)
        return value if value in choices else SOP_SETTING_DEFAULTS[key]
