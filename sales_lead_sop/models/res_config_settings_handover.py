from odoo import fields, models

from .sop_settings import SOP_SETTING_DEFAULTS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sop_handover_block_days = fields.Integer(
        string="Handover Block (days)",
        config_parameter="sales_lead_sop.handover_block_days",
        default=SOP_SETTING_DEFAULTS["handover_block_days"],
        help="Days after a handover during which the former owner cannot claim, be assigned or read "
        "the customers they handed over; 0 means no block.",
    )
    sop_handover_ack_working_days = fields.Integer(
        string="Handover Acknowledgment (working days)",
        config_parameter="sales_lead_sop.handover_ack_working_days",
        default=SOP_SETTING_DEFAULTS["handover_ack_working_days"],
        help="Working days the receivers have to acknowledge a handover list before it is shown "
        "to the manager as overdue.",
    )
