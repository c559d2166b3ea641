from odoo import fields, models

from .sop_settings import CADENCE_UNITS, SOP_SETTING_DEFAULTS


class ResConfigSettings(models.TransientModel):
    """Settings of the cadence rules of issue 20: units of the lead cadences, key stages,
    after-sales visit, reminders, daily quotas and the handover feedback period."""

    _inherit = "res.config.settings"

    sop_cadence_potential_unit = fields.Selection(
        CADENCE_UNITS,
        string="Potential Interest: Unit",
        config_parameter="sales_lead_sop.cadence_potential_unit",
        default=SOP_SETTING_DEFAULTS["cadence_potential_unit"],
    )
    sop_cadence_clear_unit = fields.Selection(
        CADENCE_UNITS,
        string="Clear Interest: Unit",
        config_parameter="sales_lead_sop.cadence_clear_unit",
        default=SOP_SETTING_DEFAULTS["cadence_clear_unit"],
    )
    sop_cadence_high_unit = fields.Selection(
        CADENCE_UNITS,
        string="High Interest: Unit",
        config_parameter="sales_lead_sop.cadence_high_unit",
        default=SOP_SETTING_DEFAULTS["cadence_high_unit"],
    )
    sop_key_stage_cadence_days = fields.Integer(
        string="Key Stage Cadence",
        help="Follow-up period of an opportunity in a key stage (stages marked Key Stage).",
        config_parameter="sales_lead_sop.key_stage_cadence_days",
        default=SOP_SETTING_DEFAULTS["key_stage_cadence_days"],
    )
    sop_key_stage_cadence_unit = fields.Selection(
        CADENCE_UNITS,
        string="Key Stage Cadence: Unit",
        config_parameter="sales_lead_sop.key_stage_cadence_unit",
        default=SOP_SETTING_DEFAULTS["key_stage_cadence_unit"],
    )
    sop_aftersales_visit_working_days = fields.Integer(
        string="After-sales Visit (working days)",
        help="A won opportunity's customer is visited (or called back) within this many working days.",
        config_parameter="sales_lead_sop.aftersales_visit_working_days",
        default=SOP_SETTING_DEFAULTS["aftersales_visit_working_days"],
    )
    sop_reminder_lead_days = fields.Integer(
        string="Remind Before (days)",
        help="The owner gets a reminder activity this many days before an opportunity's expected "
        "closing date and before a lead to verify is due for its next follow-up.",
        config_parameter="sales_lead_sop.reminder_lead_days",
        default=SOP_SETTING_DEFAULTS["reminder_lead_days"],
    )
    sop_quota_daily_followups = fields.Integer(
        string="Daily Follow-ups per Salesperson",
        config_parameter="sales_lead_sop.quota_daily_followups",
        default=SOP_SETTING_DEFAULTS["quota_daily_followups"],
    )
    sop_quota_daily_customers = fields.Integer(
        string="Daily New Customers per Salesperson",
        config_parameter="sales_lead_sop.quota_daily_customers",
        default=SOP_SETTING_DEFAULTS["quota_daily_customers"],
    )
    sop_handover_feedback_days = fields.Integer(
        string="Weekly Handover Feedback For (days)",
        help="After a handover, the receivers' follow-ups on the handed-over customers are "
        "summarised to the manager every week for this many days.",
        config_parameter="sales_lead_sop.handover_feedback_days",
        default=SOP_SETTING_DEFAULTS["handover_feedback_days"],
    )
    sop_kpi_target_entry_on_time = fields.Integer(
        string="Target: Customer Entry On Time (%)",
        config_parameter="sales_lead_sop.kpi_target_entry_on_time",
        default=SOP_SETTING_DEFAULTS["kpi_target_entry_on_time"],
    )
