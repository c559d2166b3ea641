from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Cadence, alert and KPI target settings of the SOP (SOP.md §7, §9)."""

    _inherit = "res.config.settings"

    sop_cadence_days_a = fields.Integer(
        string="Grade A Cadence (days)", config_parameter="sales_lead_sop.cadence_days_a", default=14
    )
    sop_cadence_days_b = fields.Integer(
        string="Grade B Cadence (days)", config_parameter="sales_lead_sop.cadence_days_b", default=7
    )
    sop_cadence_days_c = fields.Integer(
        string="Grade C Cadence (days)", config_parameter="sales_lead_sop.cadence_days_c", default=14
    )
    sop_cadence_days_d = fields.Integer(
        string="Grade D Cadence (days)", config_parameter="sales_lead_sop.cadence_days_d", default=90
    )
    sop_over_contact_max_d = fields.Integer(
        string="Grade D Max Contacts per Month",
        config_parameter="sales_lead_sop.over_contact_max_d",
        default=2,
    )
    sop_pause_reactivate_days = fields.Integer(
        string="Re-activate Paused Customers After (days)",
        config_parameter="sales_lead_sop.pause_reactivate_days",
        default=90,
    )
    sop_first_followup_working_days = fields.Integer(
        string="First Follow-up Deadline (working days)",
        config_parameter="sales_lead_sop.first_followup_working_days",
        default=3,
    )
    sop_alibaba_processing_working_days = fields.Integer(
        string="Alibaba Processing Deadline (working days)",
        config_parameter="sales_lead_sop.alibaba_processing_working_days",
        default=2,
    )
    sop_recycle_warning_days = fields.Integer(
        string="Recycle Warning in Digest (days)",
        config_parameter="sales_lead_sop.recycle_warning_days",
        default=7,
    )
    sop_kpi_target_leads = fields.Integer(
        string="Target: Leads Created", config_parameter="sales_lead_sop.kpi_target_leads", default=6
    )
    sop_kpi_target_customers = fields.Integer(
        string="Target: New Customers", config_parameter="sales_lead_sop.kpi_target_customers", default=5
    )
    sop_kpi_target_opp_existing = fields.Integer(
        string="Target: Opportunities (Existing Customers)",
        config_parameter="sales_lead_sop.kpi_target_opp_existing",
        default=3,
    )
    sop_kpi_target_opp_new = fields.Integer(
        string="Target: Opportunities (New Customers)",
        config_parameter="sales_lead_sop.kpi_target_opp_new",
        default=6,
    )
    sop_kpi_target_alibaba_on_time = fields.Integer(
        string="Target: Alibaba On Time (%)",
        config_parameter="sales_lead_sop.kpi_target_alibaba_on_time",
        default=100,
    )
    sop_kpi_target_first_followup_on_time = fields.Integer(
        string="Target: First Follow-up On Time (%)",
        config_parameter="sales_lead_sop.kpi_target_first_followup_on_time",
        default=100,
    )
    sop_kpi_target_coverage = fields.Integer(
        string="Target: Follow-up Coverage (%)",
        config_parameter="sales_lead_sop.kpi_target_coverage",
        default=100,
    )
    sop_kpi_target_completeness = fields.Integer(
        string="Target: Profile Completeness (%)",
        config_parameter="sales_lead_sop.kpi_target_completeness",
        default=100,
    )
