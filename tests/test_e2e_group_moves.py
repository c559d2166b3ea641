"""Automatic group moves over JSON-RPC, as the demo rep, through Odoo's own won and lost paths."""

import uuid

from .test_e2e_customer import _profile


def _ref(user, model_xmlid):
    return user.call("ir.model.data", "check_object_reference", "sales_lead_sop", model_xmlid)[1]


def _group_code(rep, partner_id):
    [customer] = rep.call("res.partner", "read", [partner_id], ["sop_group_id"])
    [group] = rep.call("sop.customer.group", "read", [customer["sop_group_id"][0]], ["code"])
    return group["code"]


def _opportunity(rep, partner_id, name):
    return rep.call(
        "crm.lead",
        "create",
        {"name": name, "type": "opportunity", "partner_id": partner_id, "expected_revenue": 8000},
    )


def _move_notes(rep, partner_id):
    return rep.call(
        "mail.message",
        "search_count",
        [
            ["model", "=", "res.partner"],
            ["res_id", "=", partner_id],
            ["body", "ilike", "Customer group moved"],
        ],
    )


def test_rep_wins_twice_customer_becomes_partner(connect):
    rep = connect("li.wei")
    tag = uuid.uuid4().hex[:8]
    partner_id = rep.call("res.partner", "create", _profile(rep, f"Groupmove Winner {tag} Ltd"))
    assert _group_code(rep, partner_id) == "potential"
    first = _opportunity(rep, partner_id, f"Panels {tag} - retail - 500 pcs")
    assert _group_code(rep, partner_id) == "intent", "a new opportunity moves potential to intent"
    rep.call("crm.lead", "action_set_won", [first])
    assert _group_code(rep, partner_id) == "first_deal"
    second = _opportunity(rep, partner_id, f"Lamps {tag} - retail - 200 pcs")
    # the kanban drag to Won is a write of the stage
    rep.call("crm.lead", "write", [second], {"stage_id": _ref(rep, "stage_won")})
    assert _group_code(rep, partner_id) == "partner"
    assert _move_notes(rep, partner_id) == 3


def test_rep_loses_with_no_short_term_chance_customer_back_to_potential(connect):
    rep = connect("li.wei")
    tag = uuid.uuid4().hex[:8]
    partner_id = rep.call("res.partner", "create", _profile(rep, f"Groupmove Loser {tag} Ltd"))
    lead = _opportunity(rep, partner_id, f"Strips {tag} - project - 1000 m")
    assert _group_code(rep, partner_id) == "intent"
    wizard = rep.call(
        "crm.lead.lost",
        "create",
        {"lead_ids": [[6, 0, [lead]]], "lost_reason_id": _ref(rep, "lost_reason_competitor")},
    )
    rep.call("crm.lead.lost", "action_lost_reason_apply", [wizard])
    assert _group_code(rep, partner_id) == "potential"
    [customer] = rep.call("res.partner", "read", [partner_id], ["sop_recycle_date"])
    assert customer["sop_recycle_date"], "the owned customer keeps a recycle date of its new group"
