from . import sop_campaign_report, sop_kpi_scorecard, sop_kpi_scorecard_day
