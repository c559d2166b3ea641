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
