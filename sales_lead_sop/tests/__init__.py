from . import test_followup_contact, test_security_groups, test_ui_mobile
from . import test_cadence, test_kpi_scorecard, test_weekly_digest
