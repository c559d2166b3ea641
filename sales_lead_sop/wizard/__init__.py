from . import sop_review_reject
