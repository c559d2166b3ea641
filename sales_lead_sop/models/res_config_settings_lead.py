from odoo import fields, models

from .sop_settings import SOP_SETTING_DEFAULTS


class ResConfigSettings(models.TransientModel):
    """Settings of leads and the pipeline (defaults from SOP.md §2 and §6)."""

    _inherit = "res.config.settings"

    # shown with the lead deadlines; the one setting is sop_alibaba_processing_working_days
    sop_alibaba_processing_days = fields.Integer(
        string="Alibaba Processing (working days)",
        related="sop_alibaba_processing_working_days",
        readonly=False,
    )
    sop_first_contact_days = fields.Integer(
        string="First Contact (working days)",
        config_parameter="sales_lead_sop.first_contact_days",
        default=SOP_SETTING_DEFAULTS["first_contact_days"],
    )
    sop_customer_entry_working_days = fields.Integer(
        string="Customer Entry (working days)",
        config_parameter="sales_lead_sop.customer_entry_working_days",
        default=SOP_SETTING_DEFAULTS["customer_entry_working_days"],
        help="Working days after a lead is typed a target customer within which the customer is entered.",
    )
    sop_cadence_potential_days = fields.Integer(
        string="Cadence: Potential Intent",
        config_parameter="sales_lead_sop.cadence_potential_days",
        default=SOP_SETTING_DEFAULTS["cadence_potential_days"],
    )
    sop_cadence_clear_days = fields.Integer(
        string="Cadence: Clear Intent",
        config_parameter="sales_lead_sop.cadence_clear_days",
        default=SOP_SETTING_DEFAULTS["cadence_clear_days"],
    )
    sop_cadence_high_days = fields.Integer(
        string="Cadence: High Intent",
        config_parameter="sales_lead_sop.cadence_high_days",
        default=SOP_SETTING_DEFAULTS["cadence_high_days"],
    )
    sop_rating_weight_need = fields.Integer(
        string="Weight: Need Fit",
        config_parameter="sales_lead_sop.rating_weight_need",
        default=SOP_SETTING_DEFAULTS["rating_weight_need"],
    )
    sop_rating_weight_budget = fields.Integer(
        string="Weight: Budget",
        config_parameter="sales_lead_sop.rating_weight_budget",
        default=SOP_SETTING_DEFAULTS["rating_weight_budget"],
    )
    sop_rating_weight_cycle = fields.Integer(
        string="Weight: Decision Cycle",
        config_parameter="sales_lead_sop.rating_weight_cycle",
        default=SOP_SETTING_DEFAULTS["rating_weight_cycle"],
    )
    sop_rating_threshold_a = fields.Integer(
        string="Rating A from (score %)",
        config_parameter="sales_lead_sop.rating_threshold_a",
        default=SOP_SETTING_DEFAULTS["rating_threshold_a"],
    )
    sop_rating_threshold_b = fields.Integer(
        string="Rating B from (score %)",
        config_parameter="sales_lead_sop.rating_threshold_b",
        default=SOP_SETTING_DEFAULTS["rating_threshold_b"],
    )
    sop_expected_close_months = fields.Integer(
        string="Expected Closing (months)",
        config_parameter="sales_lead_sop.expected_close_months",
        default=SOP_SETTING_DEFAULTS["expected_close_months"],
    )
    sop_lead_recycle_days = fields.Integer(
        string="Lead Recycling (days without contact)",
        config_parameter="sales_lead_sop.lead_recycle_days",
        default=SOP_SETTING_DEFAULTS["lead_recycle_days"],
    )
    sop_lead_cooldown_days = fields.Integer(
        string="Lead Cooldown (days)",
        config_parameter="sales_lead_sop.lead_cooldown_days",
        default=SOP_SETTING_DEFAULTS["lead_cooldown_days"],
    )
    sop_lead_capacity = fields.Integer(
        string="Open Leads per Rep (0 = no limit)",
        config_parameter="sales_lead_sop.lead_capacity",
        default=SOP_SETTING_DEFAULTS["lead_capacity"],
    )
    sop_api_max_body_kb = fields.Integer(
        string="Lead API: Max Body (KB)",
        config_parameter="sales_lead_sop.api_max_body_kb",
        default=SOP_SETTING_DEFAULTS["api_max_body_kb"],
    )
