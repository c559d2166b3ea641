from odoo import api, fields, models

from .sop_settings import SOP_SETTING_DEFAULTS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sop_grade_a_amount = fields.Float(
        string="Grade A from",
        config_parameter="sales_lead_sop.grade_a_amount",
        default=SOP_SETTING_DEFAULTS["grade_a_amount"],
    )
    sop_grade_b_amount = fields.Float(
        string="Grade B from",
        config_parameter="sales_lead_sop.grade_b_amount",
        default=SOP_SETTING_DEFAULTS["grade_b_amount"],
    )
    sop_grade_c_amount = fields.Float(
        string="Grade C from",
        config_parameter="sales_lead_sop.grade_c_amount",
        default=SOP_SETTING_DEFAULTS["grade_c_amount"],
    )

    @api.model
    def action_sop_open_profile_fields(self):
        return self.env["ir.actions.act_window"]._for_xml_id("sales_lead_sop.sop_profile_field_action")

    def set_values(self):
        super().set_values()
        # Odoo removes an integer or float parameter saved as 0, and the spec default would come
        # back; 0 means something for several SOP settings (no limit, no block), so keep it.
        Param = self.env["ir.config_parameter"].sudo()
        for name, field in self._fields.items():
            key = getattr(field, "config_parameter", None) or ""
            if key.startswith("sales_lead_sop.") and field.type in ("integer", "float") and not self[name]:
                Param.set_param(key, "0")
