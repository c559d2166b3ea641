"""18.0.1.3.0: the profile fields required until now become the configured required fields;
the shipped lost reasons get their "no short-term chance" flag and the shipped sources their
class (their records are noupdate, so the new values of the data files do not reach them)."""

from odoo import SUPERUSER_ID, api

REQUIRED = ["name", "sop_short_name", "sop_source_id", "sop_customer_type", "sop_product_ids", "sop_group_id"]
NO_SHORT_TERM_CHANCE = ["competitor", "no_budget", "no_reply", "product", "sample"]
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
    env = api.Environment(cr, SUPERUSER_ID, {})
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
