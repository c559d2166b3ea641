from . import test_security_groups
from . import test_ui_mobile
from . import test_followup_contact
from . import test_i18n
from . import test_cadence
from . import test_kpi_scorecard
from . import test_weekly_digest
