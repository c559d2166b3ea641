from . import test_followup_contact, test_security_groups, test_ui_mobile
from . import test_access_scope
