from . import test_security_groups, test_ui_mobile
