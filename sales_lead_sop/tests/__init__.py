from . import (
    test_claim_request,
    test_followup_contact,
    test_pool_claim,
    test_pool_recycle,
    test_security_groups,
    test_ui_mobile,
)
