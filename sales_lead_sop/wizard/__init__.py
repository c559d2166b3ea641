from . import sop_review_reject
from . import sop_partner_assign
from . import sop_partner_release
from . import sop_recycle_preview
from . import sop_partner_pause
