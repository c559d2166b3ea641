from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sop_grade_a_amount = fields.Float(
        string="Grade A from", config_parameter="sales_lead_sop.grade_a_amount", default=500000
    )
    sop_grade_b_amount = fields.Float(
        string="Grade B from", config_parameter="sales_lead_sop.grade_b_amount", default=200000
    )
    sop_grade_c_amount = fields.Float(
        string="Grade C from", config_parameter="sales_lead_sop.grade_c_amount", default=50000
    )

    @api.model
    def action_sop_open_profile_fields(self):
        return self.env["ir.actions.act_window"]._for_xml_id("sales_lead_sop.sop_profile_field_action")
