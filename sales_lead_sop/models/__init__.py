from . import crm_lead, res_partner, res_partner_pool, sop_customer_group, sop_followup, sop_pool_history
from . import res_users_sop_scope, crm_team_sop_scope, sop_public_customer
