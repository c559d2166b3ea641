from . import sop_report_sql
from . import sop_campaign_report, sop_kpi_scorecard
