from odoo import fields, models

from .res_partner_handover import HANDOVER_BLOCK_DAYS
from .sop_handover import ACK_WORKING_DAYS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sop_handover_block_days = fields.Integer(
        string="Handover Block (days)",
        config_parameter="sales_lead_sop.handover_block_days",
        default=HANDOVER_BLOCK_DAYS,
        help="Days after a handover during which the former owner cannot claim, be assigned or read "
        "the customers they handed over; 0 means no block.",
    )
    sop_handover_ack_working_days = fields.Integer(
        string="Handover Acknowledgment (working days)",
        config_parameter="sales_lead_sop.handover_ack_working_days",
        default=ACK_WORKING_DAYS,
        help="Working days the receivers have to acknowledge a handover list before it is shown "
        "to the manager as overdue.",
    )
