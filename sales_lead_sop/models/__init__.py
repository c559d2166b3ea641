from . import (
    crm_lead,
    crm_team_sop_scope,
    res_partner,
    res_partner_pool,
    res_users_sop_scope,
    sop_customer_group,
    sop_followup,
    sop_pool_history,
    sop_public_customer,
)
