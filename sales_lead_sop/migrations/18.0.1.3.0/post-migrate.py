"""18.0.1.3.0 (issue 20):
- the first contact of a lead is now recorded on its own (only our side makes it); leads
  contacted before keep their first-contact deadline met: their last contact stands for it;
- the shipped channels of the leads target and the key stages get their flags;
- the profile fields required until now become the configured required fields;
- the shipped lost reasons get their "no short-term chance" flag and the shipped sources their
  class;
- a receiver reads only their own handover lines (the rule's new domain).
(Their records are noupdate, so the new values of the data files do not reach them.)"""

from odoo import SUPERUSER_ID, api

KPI_CHANNELS = ["prospecting", "xiaoman", "social", "trade_show", "referral"]
KEY_STAGES = ["negotiation", "sample"]
REQUIRED = ["name", "sop_short_name", "sop_source_id", "sop_customer_type", "sop_product_ids", "sop_group_id"]
NO_SHORT_TERM_CHANCE = ["competitor", "no_budget", "no_reply", "product", "sample"]
HANDOVER_LINE_DOMAIN = (
    "['|', '|', ('handover_id.user_id', '=', user.id), ('to_user_id', '=', user.id), '&', "
    "('handover_id.from_user_id', 'in', user.sop_scope_user_ids.ids), "
    "('handover_id.from_user_id', '!=', user.id)]"
)
SOURCE_CLASSES = {
    "sales_lead_sop.utm_source_trade_show": "event",
    "sales_lead_sop.utm_source_prospecting": "sales",
    "sales_lead_sop.utm_source_xiaoman": "sales",
    "sales_lead_sop.utm_source_referral": "customer_referral",
    "sales_lead_sop.utm_source_alibaba": "online",
    "sales_lead_sop.utm_source_website": "online",
    "sales_lead_sop.utm_source_social": "online",
    "utm.utm_source_linkedin": "online",
    "utm.utm_source_facebook": "online",
    "utm.utm_source_twitter": "online",
    "utm.utm_source_search_engine": "online",
    "sales_lead_sop.utm_source_other": "other",
    "sales_lead_sop.utm_source_unknown": "other",
}


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE crm_lead SET sop_first_contact_date = sop_last_contact_date
            WHERE sop_first_contact_date IS NULL AND sop_last_contact_date IS NOT NULL"""
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in KPI_CHANNELS:
        source = env.ref(f"sales_lead_sop.utm_source_{name}", raise_if_not_found=False)
        if source:
            source.sop_kpi_lead_channel = True
    for name in KEY_STAGES:
        stage = env.ref(f"sales_lead_sop.stage_{name}", raise_if_not_found=False)
        if stage:
            stage.sop_key_stage = True
    for name in [*REQUIRED, "country_id"]:
        field = env.ref(f"sales_lead_sop.profile_field_{name}", raise_if_not_found=False)
        if field:
            field.required = True
    for name in NO_SHORT_TERM_CHANCE:
        reason = env.ref(f"sales_lead_sop.lost_reason_{name}", raise_if_not_found=False)
        if reason:
            reason.sop_no_short_term_chance = True
    for xml_id, class_name in SOURCE_CLASSES.items():
        source = env.ref(xml_id, raise_if_not_found=False)
        source_class = env.ref(f"sales_lead_sop.source_class_{class_name}", raise_if_not_found=False)
        if source and source_class and not source.sop_class_id:
            source.sop_class_id = source_class
    rule = env.ref("sales_lead_sop.sop_handover_line_rule_rep", raise_if_not_found=False)
    if rule:
        rule.domain_force = HANDOVER_LINE_DOMAIN
