from . import test_access_scope, test_followup_contact, test_security_groups, test_ui_mobile
