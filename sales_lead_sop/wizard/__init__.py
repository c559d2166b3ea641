from . import sop_lead_assign, sop_lead_convert, sop_lead_invalid_wizard, sop_lead_return
