from . import sop_partner_assign, sop_partner_release, sop_recycle_preview
