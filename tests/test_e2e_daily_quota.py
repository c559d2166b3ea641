"""Daily quotas over JSON-RPC as the demo users: a rep's follow-up counts on their own day row,
which only they and their team manager read; a rep cannot change a quota."""

import pytest

from .jsonrpc import RpcError

FIELDS = ["day", "user_id", "followup_count", "followup_target", "followup_missed"]


def _today(session, user_id):
    rows = session.call(
        "sop.kpi.scorecard.day", "search_read", [["user_id", "=", user_id]], FIELDS, limit=1, order="day desc"
    )
    assert rows, "every SOP rep has a row for today"
    return rows[0]


def test_rep_follow_up_counts_on_own_day_only(connect):
    rep = connect("li.wei")
    before = _today(rep, rep.uid)
    customer = rep.call(
        "res.partner", "search", [["sop_managed", "=", True], ["user_id", "=", rep.uid]], limit=1
    )
    rep.call("sop.followup", "create", {"partner_id": customer[0], "content": "RPC call"})
    after = _today(rep, rep.uid)
    assert after["followup_count"] == before["followup_count"] + 1
    assert after["followup_target"] == 32, "the company's quota (004: 32 calls a day)"

    zhang = connect("zhang.min")
    assert rep.call("sop.kpi.scorecard.day", "search_count", [["user_id", "=", zhang.uid]]) == 0
    zhang_today = _today(zhang, zhang.uid)
    with pytest.raises(RpcError) as error:
        rep.call("sop.kpi.scorecard.day", "read", [zhang_today["id"]], ["followup_count"])
    assert error.value.name == "odoo.exceptions.AccessError"

    manager = connect("wang.fang")
    team = manager.call("sop.kpi.scorecard.day", "search_read", [["day", "=", after["day"]]], ["user_id"])
    seen = {row["user_id"][0] for row in team}
    assert {rep.uid, zhang.uid} <= seen
    assert connect("liu.yang").uid not in seen, "another team's rep"


def test_rep_cannot_set_a_quota(connect):
    rep = connect("li.wei")
    with pytest.raises(RpcError) as error:
        rep.call("res.users", "write", [rep.uid], {"sop_quota_daily_followups": 1})
    assert error.value.name in ("odoo.exceptions.AccessError", "odoo.exceptions.ValidationError")
