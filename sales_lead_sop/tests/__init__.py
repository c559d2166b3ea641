from . import test_security_groups
from . import test_ui_mobile
from . import test_followup_contact
from . import test_i18n
from . import test_customer_profile
