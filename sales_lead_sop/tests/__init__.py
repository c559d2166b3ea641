from . import test_followup_contact, test_security_groups, test_ui_mobile
from . import test_contact_touchpoints, test_lead_capture, test_lead_conversion, test_lead_deadline
from . import test_lead_pool, test_lead_triage, test_pipeline_stages
from . import test_ui_followup_mobile
