"""Apply to claim (申请挑入) over JSON-RPC as logged-in demo users, at the same moment: first
come, first served. Two reps request one customer, two sales supports approve at once:
exactly one approval wins (the earliest request), the customer moves once, one history row."""

import threading
import uuid

from .jsonrpc import RpcError


def _at_once(calls):
    """Run the callables in `calls` in threads released together; (outcome, value) each."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = ("ok", call())
        except RpcError as error:
            results[index] = (error.name, error.message)

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert all(result is not None for result in results), "a call did not answer"
    return results


def _held_customer(admin, holder_uid, name):
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
            "user_id": holder_uid,
        },
    )


def _file_at_once(reps, partner_id):
    results = _at_once(
        [
            lambda rep=rep: rep.call(
                "sop.claim.request", "create", {"partner_id": partner_id, "reason": "Met them at Canton Fair"}
            )
            for rep in reps
        ]
    )
    assert [outcome for outcome, _value in results] == ["ok", "ok"], results
    return [value for _outcome, value in results]


def test_two_requests_two_supports_one_winner(connect):
    admin, support = connect("admin"), connect("zhao.li")
    holder = connect("liu.yang")
    reps = [connect("li.wei"), connect("zhang.min")]
    partner_id = _held_customer(admin, holder.uid, "FCFS Race")
    request_ids = _file_at_once(reps, partner_id)
    rows = admin.call("sop.claim.request", "read", request_ids, ["create_date", "first_in_line", "user_id"])
    first = [row for row in rows if row["first_in_line"]]
    assert len(first) == 1, rows
    first_id = first[0]["id"]

    # each support approves one of the two requests, at the same moment
    results = _at_once(
        [
            lambda: support.call("sop.claim.request", "action_approve", [request_ids[0]]),
            lambda: admin.call("sop.claim.request", "action_approve", [request_ids[1]]),
        ]
    )
    winners = [request_ids[i] for i, (outcome, _value) in enumerate(results) if outcome == "ok"]
    assert winners == [first_id], results
    loser = next(value for outcome, value in results if outcome != "ok")
    assert "First come, first served" in loser or "was approved first" in loser, loser
    states = {
        row["id"]: row["state"] for row in admin.call("sop.claim.request", "read", request_ids, ["state"])
    }
    assert sorted(states.values()) == ["approved", "pending"], states
    assert states[first_id] == "approved"
    owner = admin.call("res.partner", "read", [partner_id], ["user_id"])[0]["user_id"][0]
    assert owner == holder.uid, "an approval alone moves nothing"

    # the winning rep takes the customer from two sessions at once: it moves once
    winner_rep = next(rep for rep in reps if rep.uid == first[0]["user_id"][0])
    second_session = connect(winner_rep.call("res.users", "read", [winner_rep.uid], ["login"])[0]["login"])
    takes = _at_once(
        [
            lambda: winner_rep.call("sop.claim.request", "action_take", [first_id]),
            lambda: second_session.call("sop.claim.request", "action_take", [first_id]),
        ]
    )
    assert sorted(outcome for outcome, _value in takes) == ["odoo.exceptions.UserError", "ok"], takes
    owner = admin.call("res.partner", "read", [partner_id], ["user_id"])[0]["user_id"][0]
    assert owner == winner_rep.uid
    moves = admin.call(
        "sop.pool.history",
        "search_read",
        [["partner_id", "=", partner_id], ["action", "=", "assign"]],
        ["from_user_id", "to_user_id"],
    )
    assert len(moves) == 1, moves
    assert (moves[0]["from_user_id"][0], moves[0]["to_user_id"][0]) == (holder.uid, winner_rep.uid)


def test_two_supports_approve_the_same_request(connect):
    admin, support = connect("admin"), connect("zhao.li")
    holder = connect("liu.yang")
    rep = connect("li.wei")
    partner_id = _held_customer(admin, holder.uid, "FCFS Same Request")
    request_id = rep.call("sop.claim.request", "create", {"partner_id": partner_id, "reason": "Our buyer"})
    results = _at_once(
        [
            lambda: support.call("sop.claim.request", "action_approve", [request_id]),
            lambda: admin.call("sop.claim.request", "action_approve", [request_id]),
        ]
    )
    outcomes = sorted(outcome for outcome, _value in results)
    assert outcomes == ["odoo.exceptions.UserError", "ok"], results
    assert "already been decided" in next(value for outcome, value in results if outcome != "ok")
    messages = admin.call(
        "mail.message",
        "search_count",
        [["model", "=", "sop.claim.request"], ["res_id", "=", request_id], ["body", "ilike", "approved"]],
    )
    assert messages == 1, "one decision, one notification"


def test_rep_cannot_approve_and_new_company_reservation(connect):
    rep, other = connect("li.wei"), connect("liu.yang")
    name = f"Reserved Trading {uuid.uuid4().hex[:6]} Co., Ltd."
    request_id = rep.call(
        "sop.claim.request", "create", {"company_name": name, "reason": "Met at Canton Fair, card attached"}
    )
    try:
        rep.call("sop.claim.request", "action_approve", [request_id])
        raise AssertionError("a rep approved a claim request")
    except RpcError as error:
        assert "Only sales support" in error.message
    rows = other.call("res.partner", "sop_find_duplicates", {"name": name})
    reserved = [row for row in rows if row["status"] == "reserved"]
    assert len(reserved) == 1, rows
    assert reserved[0]["owner"] == rep.call("res.users", "read", [rep.uid], ["name"])[0]["name"]
    assert reserved[0]["partner_id"] is False and reserved[0]["name"] is False
    assert other.call("sop.claim.request", "search_count", [["id", "=", request_id]]) == 0
