"""Claiming over JSON-RPC as logged-in demo reps, at the same moment: first come, first served."""

import threading
import uuid

import pytest

from .jsonrpc import RpcError

REPS = ["li.wei", "zhang.min", "liu.yang", "wang.fang", "chen.jie"]


def _public_customer(connect, name):
    """A new public SOP customer with a complete profile, created by the administrator."""
    admin = connect("admin")
    group = admin.call("sop.customer.group", "search", [["code", "=", "potential"]])
    source = admin.call("utm.source", "search", [], limit=1)
    country = admin.call("res.country", "search", [["code", "=", "CN"]])
    product = admin.call("product.template", "search", [], limit=1)
    return admin.call(
        "res.partner",
        "create",
        {
            "name": f"{name} {uuid.uuid4().hex[:8]}",
            "is_company": True,
            "sop_managed": True,
            "sop_short_name": name[:10],
            "sop_source_id": source[0],
            "sop_customer_type": "trader",
            "sop_group_id": group[0],
            "country_id": country[0],
            "sop_product_ids": [[6, 0, product]],
        },
    )


def _claim_all_at_once(clients, partner_id):
    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def claim(index, client):
        barrier.wait()
        try:
            results[index] = ("won", client.call("res.partner", "sop_claim", [partner_id]))
        except RpcError as error:
            results[index] = (error.name, error.message)

    threads = [threading.Thread(target=claim, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def _owner_and_claims(connect, partner_id):
    admin = connect("admin")
    owner = admin.call("res.partner", "read", [partner_id], ["user_id", "sop_pool_state"])[0]
    claims = admin.call(
        "sop.pool.history", "search_count", [["partner_id", "=", partner_id], ["action", "=", "claim"]]
    )
    return owner, claims


def test_two_reps_claim_at_once(connect):
    partner_id = _public_customer(connect, "Two Reps Race")
    clients = [connect("li.wei"), connect("zhang.min")]
    results = _claim_all_at_once(clients, partner_id)
    winners = [i for i, (outcome, _msg) in enumerate(results) if outcome == "won"]
    assert len(winners) == 1, results
    loser = results[1 - winners[0]]
    assert loser[0] == "odoo.exceptions.UserError"
    winner_name = clients[winners[0]].call("res.users", "read", [clients[winners[0]].uid], ["name"])[0][
        "name"
    ]
    assert f"{winner_name} was faster" in loser[1]
    owner, claims = _owner_and_claims(connect, partner_id)
    assert owner["user_id"][0] == clients[winners[0]].uid
    assert owner["sop_pool_state"] == "private"
    assert claims == 1


def test_twenty_simultaneous_claims_one_winner(connect):
    partner_id = _public_customer(connect, "Twenty Claims Race")
    clients = [connect(REPS[i % len(REPS)]) for i in range(20)]
    results = _claim_all_at_once(clients, partner_id)
    assert all(result is not None for result in results), "a claim did not answer"
    winners = [i for i, (outcome, _msg) in enumerate(results) if outcome == "won"]
    assert len(winners) == 1, results
    for i, (outcome, message) in enumerate(results):
        if i in winners:
            continue
        assert outcome == "odoo.exceptions.UserError", message
        assert "was faster" in message or "already yours" in message, message
    owner, claims = _owner_and_claims(connect, partner_id)
    assert owner["user_id"][0] == clients[winners[0]].uid
    assert claims == 1


def test_rep_release_needs_reason_and_starts_cooldown(connect):
    partner_id = _public_customer(connect, "Release Over RPC")
    rep = connect("liu.yang")
    rep.call("res.partner", "sop_claim", [partner_id])
    with pytest.raises(RpcError, match="Say why"):
        rep.call("res.partner", "sop_release", [partner_id], "")
    rep.call("res.partner", "sop_release", [partner_id], "Unreachable")
    with pytest.raises(RpcError, match="can claim it again after"):
        rep.call("res.partner", "sop_claim", [partner_id])
    connect("zhang.min").call("res.partner", "sop_claim", [partner_id])
