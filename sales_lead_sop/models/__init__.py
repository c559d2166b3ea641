from . import crm_lead, res_partner, res_partner_pool, sop_customer_group, sop_followup, sop_pool_history
from . import crm_lead_processing, res_config_settings_cadence, res_partner_cadence, sop_cadence_config
from . import crm_team_digest
