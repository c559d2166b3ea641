"""Leads over JSON-RPC as the demo users: pool claim, return, follow-up, triage, lead API."""

import uuid

import pytest
import requests

from .jsonrpc import RpcError


def _unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:8]}"


@pytest.fixture
def pool(connect):
    """A claimable pool routing leads whose company name contains a unique tag."""
    admin = connect("admin")
    tag = uuid.uuid4().hex[:8]
    pool_id = admin.call(
        "sop.lead.pool",
        "create",
        {"name": f"E2E pool {tag}", "sequence": 0, "domain": f"[('partner_name', 'ilike', '{tag}')]"},
    )
    yield tag, pool_id
    admin.call("sop.lead.pool", "write", [pool_id], {"active": False})


def test_rep_claims_returns_and_cannot_reclaim(connect, pool):
    tag, pool_id = pool
    admin = connect("admin")
    lead_id = admin.call(
        "crm.lead", "create", {"name": _unique("E2E lead"), "partner_name": f"Co {tag}", "user_id": False}
    )
    assert admin.call("crm.lead", "read", [lead_id], ["sop_pool_id"])[0]["sop_pool_id"][0] == pool_id
    li, zhang = connect("li.wei"), connect("zhang.min")
    li.call("crm.lead", "action_sop_claim", [lead_id])
    assert li.call("crm.lead", "read", [lead_id], ["user_id"])[0]["user_id"][0] == li.uid
    with pytest.raises(RpcError) as error:
        zhang.call("crm.lead", "action_sop_claim", [lead_id])
    assert "Already taken" in error.value.message
    wizard = li.call("sop.lead.return", "create", {"lead_ids": [(6, 0, [lead_id])], "reason": "unreachable"})
    li.call("sop.lead.return", "action_apply", [wizard])
    with pytest.raises(RpcError) as error:
        li.call("crm.lead", "action_sop_claim", [lead_id])
    assert "cannot come back to you yet" in error.value.message
    zhang.call("crm.lead", "action_sop_claim", [lead_id])
    history = admin.call(
        "sop.pool.history",
        "search_read",
        [("lead_id", "=", lead_id)],
        ["action", "from_user_id", "to_user_id"],
    )
    assert sorted(row["action"] for row in history) == ["claim", "claim", "release"]


def test_rep_logs_followup_and_contact_date_moves(connect):
    li = connect("li.wei")
    lead_id = li.call("crm.lead", "create", {"name": _unique("E2E follow-up"), "user_id": li.uid})
    assert not li.call("crm.lead", "read", [lead_id], ["sop_last_contact_date"])[0]["sop_last_contact_date"]
    li.call("crm.lead", "write", [lead_id], {"description": "plain edit"})
    assert not li.call("crm.lead", "read", [lead_id], ["sop_last_contact_date"])[0]["sop_last_contact_date"]
    li.call(
        "sop.followup",
        "create",
        {
            "lead_id": lead_id,
            "method": "phone",
            "content": "Called",
            "next_action": "Quote",
            "next_date": "2030-01-07",
        },
    )
    lead = li.call("crm.lead", "read", [lead_id], ["sop_last_contact_date", "activity_ids"])[0]
    assert lead["sop_last_contact_date"]
    assert len(lead["activity_ids"]) == 1


def test_invalid_needs_reason_over_rpc(connect):
    li = connect("li.wei")
    lead_id = li.call("crm.lead", "create", {"name": _unique("E2E invalid"), "user_id": li.uid})
    with pytest.raises(RpcError) as error:
        li.call("crm.lead", "write", [lead_id], {"sop_lead_type": "invalid"})
    assert "needs a reason" in error.value.message
    reason = li.call("sop.lead.invalid.reason", "search", [], limit=1)
    li.call("crm.lead", "write", [lead_id], {"sop_lead_type": "invalid", "sop_invalid_reason_id": reason[0]})
    assert li.call("crm.lead", "search", [("id", "=", lead_id)]) == [], "archived: out of the list"
    kept = li.call(
        "crm.lead", "search_read", [("id", "=", lead_id), ("active", "=", False)], ["sop_lead_type"]
    )
    assert kept and kept[0]["sop_lead_type"] == "invalid", "archived, never deleted"


def test_lead_api_end_to_end(connect, odoo_server):
    admin = connect("admin")
    source = admin.call("utm.source", "search", [("name", "ilike", "官网")], limit=1)[0]
    key_id = admin.call("sop.api.key", "create", {"name": _unique("E2E form"), "source_id": source})
    key = admin.call("sop.api.key", "action_generate_key", [key_id])["params"]["message"]
    url = odoo_server + "/sop/api/lead"
    name = _unique("API inquiry")
    ok = requests.post(
        url, json={"name": name, "idempotency_key": name}, headers={"X-Api-Key": key}, timeout=30
    )
    assert ok.status_code == 201, ok.text
    again = requests.post(
        url, json={"name": name, "idempotency_key": name}, headers={"X-Api-Key": key}, timeout=30
    )
    assert again.status_code == 200 and again.json()["id"] == ok.json()["id"]
    bad = requests.post(url, json={"name": name}, headers={"X-Api-Key": "nope"}, timeout=30)
    assert bad.status_code == 401
    missing = requests.post(url, json={"phone": "1"}, headers={"X-Api-Key": key}, timeout=30)
    assert missing.status_code == 400
    leads = admin.call("crm.lead", "search_read", [("name", "=", name)], ["source_id"])
    assert len(leads) == 1 and leads[0]["source_id"][0] == source
    admin.call("sop.api.key", "write", [key_id], {"active": False})
