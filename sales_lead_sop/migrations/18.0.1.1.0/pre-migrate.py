"""18.0.1.1.0: the SOP record rules test the commercial entity's SOP flag and owner stored on
each partner (sop_commercial_managed, sop_commercial_user_id) instead of joining the company.

The rules are noupdate data, which an upgrade never rewrites: drop them here so that the
upgrade creates them again from security/sales_lead_sop_security.xml."""

RULES = ("res_partner_rule_sop_read", "res_partner_rule_sop_write", "crm_lead_rule_sop_scope")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """DELETE FROM ir_rule WHERE id IN (
               SELECT res_id FROM ir_model_data
                WHERE module = 'sales_lead_sop' AND model = 'ir.rule' AND name IN %s)""",
        [RULES],
    )
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = 'sales_lead_sop' AND model = 'ir.rule' AND name IN %s",
        [RULES],
    )
