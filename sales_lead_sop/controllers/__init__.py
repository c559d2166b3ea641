from . import lead_api
