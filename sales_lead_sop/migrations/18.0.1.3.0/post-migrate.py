"""18.0.1.3.0 (issue 20):
- the first contact of a lead is now recorded on its own (only our side makes it); leads
  contacted before keep their first-contact deadline met: their last contact stands for it;
- the shipped channels of the leads target and the key stages get their flags (their data
  files are noupdate, an update does not write them)."""

from odoo import SUPERUSER_ID, api

KPI_CHANNELS = ["prospecting", "xiaoman", "social", "trade_show", "referral"]
KEY_STAGES = ["negotiation", "sample"]


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
