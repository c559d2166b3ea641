from . import sop_partner_pause
