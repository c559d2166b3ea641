from . import crm_lead, res_partner, res_partner_pool, sop_customer_group, sop_followup, sop_pool_history
from . import crm_stage, sop_lead_invalid_reason, sop_lead_pool, crm_lead_pool, crm_team
from . import res_partner_followup, mail_message, mail_activity, res_config_settings_lead, sop_api_key
