from odoo import fields, models

from .sop_settings import SOP_SETTING_DEFAULTS


class ResConfigSettings(models.TransientModel):
    """Cadence, alert and KPI target settings of the SOP (SOP.md §7, §9)."""

    _inherit = "res.config.settings"

    sop_cadence_days_a = fields.Integer(
        string="Grade A Cadence (days)",
        config_parameter="sales_lead_sop.cadence_days_a",
        default=SOP_SETTING_DEFAULTS["cadence_days_a"],
    )
    sop_cadence_days_b = fields.Integer(
        string="Grade B Cadence (days)",
        config_parameter="sales_lead_sop.cadence_days_b",
        default=SOP_SETTING_DEFAULTS["cadence_days_b"],
    )
    sop_cadence_days_c = fields.Integer(
        string="Grade C Cadence (days)",
        config_parameter="sales_lead_sop.cadence_days_c",
        default=SOP_SETTING_DEFAULTS["cadence_days_c"],
    )
    sop_cadence_days_d = fields.Integer(
        string="Grade D Cadence (days)",
        config_parameter="sales_lead_sop.cadence_days_d",
        default=SOP_SETTING_DEFAULTS["cadence_days_d"],
    )
    sop_over_contact_max_d = fields.Integer(
        string="Grade D Max Contacts per Month",
        config_parameter="sales_lead_sop.over_contact_max_d",
        default=SOP_SETTING_DEFAULTS["over_contact_max_d"],
    )
    sop_pause_reactivate_days = fields.Integer(
        string="Re-activate Paused Customers After (days)",
        config_parameter="sales_lead_sop.pause_reactivate_days",
        default=SOP_SETTING_DEFAULTS["pause_reactivate_days"],
    )
    sop_followup_clock_skew_minutes = fields.Integer(
        string="Follow-up Clock Tolerance (minutes)",
        help="A follow-up may be dated at most this far after the server's time "
        "(a phone's clock may run ahead).",
        config_parameter="sales_lead_sop.followup_clock_skew_minutes",
        default=SOP_SETTING_DEFAULTS["followup_clock_skew_minutes"],
    )
    sop_first_followup_working_days = fields.Integer(
        string="First Follow-up Deadline (working days)",
        config_parameter="sales_lead_sop.first_followup_working_days",
        default=SOP_SETTING_DEFAULTS["first_followup_working_days"],
    )
    sop_alibaba_processing_working_days = fields.Integer(
        string="Alibaba Processing Deadline (working days)",
        config_parameter="sales_lead_sop.alibaba_processing_working_days",
        default=SOP_SETTING_DEFAULTS["alibaba_processing_working_days"],
    )
    sop_recycle_warning_days = fields.Integer(
        string="Recycle Warning in Digest (days)",
        config_parameter="sales_lead_sop.recycle_warning_days",
        default=SOP_SETTING_DEFAULTS["recycle_warning_days"],
    )
    sop_kpi_target_leads = fields.Integer(
        string="Target: Leads Created",
        config_parameter="sales_lead_sop.kpi_target_leads",
        default=SOP_SETTING_DEFAULTS["kpi_target_leads"],
    )
    sop_kpi_target_customers = fields.Integer(
        string="Target: New Customers",
        config_parameter="sales_lead_sop.kpi_target_customers",
        default=SOP_SETTING_DEFAULTS["kpi_target_customers"],
    )
    sop_kpi_target_opp_existing = fields.Integer(
        string="Target: Opportunities (Existing Customers)",
        config_parameter="sales_lead_sop.kpi_target_opp_existing",
        default=SOP_SETTING_DEFAULTS["kpi_target_opp_existing"],
    )
    sop_kpi_target_opp_new = fields.Integer(
        string="Target: Opportunities (New Customers)",
        config_parameter="sales_lead_sop.kpi_target_opp_new",
        default=SOP_SETTING_DEFAULTS["kpi_target_opp_new"],
    )
    sop_kpi_target_alibaba_on_time = fields.Integer(
        string="Target: Alibaba On Time (%)",
        config_parameter="sales_lead_sop.kpi_target_alibaba_on_time",
        default=SOP_SETTING_DEFAULTS["kpi_target_alibaba_on_time"],
    )
    sop_kpi_target_first_followup_on_time = fields.Integer(
        string="Target: First Follow-up On Time (%)",
        config_parameter="sales_lead_sop.kpi_target_first_followup_on_time",
        default=SOP_SETTING_DEFAULTS["kpi_target_first_followup_on_time"],
    )
    sop_kpi_target_coverage = fields.Integer(
        string="Target: Follow-up Coverage (%)",
        config_parameter="sales_lead_sop.kpi_target_coverage",
        default=SOP_SETTING_DEFAULTS["kpi_target_coverage"],
    )
    sop_kpi_target_completeness = fields.Integer(
        string="Target: Profile Completeness (%)",
        config_parameter="sales_lead_sop.kpi_target_completeness",
        default=SOP_SETTING_DEFAULTS["kpi_target_completeness"],
    )
