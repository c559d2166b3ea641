from . import lead_api
from . import sop_handover_export
