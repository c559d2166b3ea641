from odoo import fields, models

from .sop_settings import SOP_SETTING_DEFAULTS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sop_cooldown_days = fields.Integer(
        string="Reclaim Cooldown (days)",
        config_parameter="sales_lead_sop.cooldown_days",
        default=SOP_SETTING_DEFAULTS["cooldown_days"],
        help="Days during which a rep cannot reclaim a customer that left their private pool.",
    )
    sop_capacity = fields.Integer(
        string="Private Pool Capacity",
        config_parameter="sales_lead_sop.capacity",
        default=SOP_SETTING_DEFAULTS["capacity"],
        help="Most private customers one rep may hold.",
    )
    sop_daily_claim_limit = fields.Integer(
        string="Daily Claim Limit",
        config_parameter="sales_lead_sop.daily_claim_limit",
        default=SOP_SETTING_DEFAULTS["daily_claim_limit"],
        help="Most customers one rep may claim from the public pool per day; 0 means no limit.",
    )
    sop_claim_take_working_days = fields.Integer(
        string="Claim Take Window (working days)",
        config_parameter="sales_lead_sop.claim_take_working_days",
        default=SOP_SETTING_DEFAULTS["claim_take_working_days"],
        help="Working days after the day a claim request is approved in which the rep takes the "
        "customer; then the approval lapses.",
    )
    sop_recycle_undo_days = fields.Integer(
        string="Recycle Undo Window (days)",
        config_parameter="sales_lead_sop.recycle_undo_days",
        default=SOP_SETTING_DEFAULTS["recycle_undo_days"],
        help="Days during which a manager may undo a recycle.",
    )
