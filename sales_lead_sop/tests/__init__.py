from . import test_security_groups
from . import test_ui_mobile
from . import test_followup_contact
from . import test_i18n
from . import test_claim_request, test_pool_claim, test_pool_recycle, test_ui_pool_claim
