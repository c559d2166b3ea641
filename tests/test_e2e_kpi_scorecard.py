"""A rep reads only their own KPI scorecard over JSON-RPC; the manager reads the team's."""

import pytest

from .jsonrpc import RpcError


def test_rep_reads_only_own_scorecard(connect):
    manager = connect("wang.fang")
    team_rows = manager.call("sop.kpi.scorecard", "search_read", [], ["user_id", "lead_count"])
    zhang = connect("zhang.min")
    zhang_rows = [row for row in team_rows if row["user_id"] and row["user_id"][0] == zhang.uid]
    assert zhang_rows, "the demo gives zhang.min leads in wang.fang's team"

    rep = connect("li.wei")
    own = rep.call("sop.kpi.scorecard", "search_read", [], ["user_id"])
    assert {row["user_id"][0] for row in own} <= {rep.uid}
    assert rep.call("sop.kpi.scorecard", "search_count", [["user_id", "=", zhang.uid]]) == 0
    with pytest.raises(RpcError) as error:
        rep.call("sop.kpi.scorecard", "read", [zhang_rows[0]["id"]], ["lead_count"])
    assert error.value.name == "odoo.exceptions.AccessError"


def test_rep_cannot_write_scorecard_or_settings(connect):
    rep = connect("li.wei")
    with pytest.raises(RpcError) as error:
        rep.call("res.config.settings", "create", {"sop_kpi_target_leads": 1})
    assert error.value.name == "odoo.exceptions.AccessError"


def test_campaign_report_is_scoped_like_the_leads(connect):
    rep = connect("li.wei")
    own = rep.call("sop.campaign.report", "search_read", [], ["user_id"])
    assert own and {row["user_id"][0] for row in own} == {rep.uid}
    groups = rep.call(
        "sop.campaign.report",
        "read_group",
        [],
        ["lead_count:sum", "customer_count:sum", "lead_customer_rate:avg"],
        ["user_id"],
    )
    assert [group["user_id"][0] for group in groups] == [rep.uid]
    assert groups[0]["lead_count"] == len(own)
    assert 0 <= groups[0]["lead_customer_rate"] <= 100
    manager = connect("wang.fang")
    team_users = {
        group["user_id"][0]
        for group in manager.call("sop.campaign.report", "read_group", [], ["lead_count:sum"], ["user_id"])
        if group["user_id"]  # the team's unassigned leads too
    }
    assert connect("zhang.min").uid in team_users, "the manager sees their team's leads"
