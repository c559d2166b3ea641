"""Context keys are not switches: a rep sending privileged keys over JSON-RPC changes nothing.

Li Wei (rep) owns partner_sop_05; partner_sop_06 belongs to Zhang Min."""

import pytest

from .jsonrpc import RpcError


def _xmlid(client, name):
    return client.call("ir.model.data", "check_object_reference", "sales_lead_sop", name)[1]


def _call_with(client, context, model, method, *args):
    return client.call(model, method, *args, context=context)


@pytest.fixture
def rep(connect):
    return connect("li.wei")


def _refused(call, *args):
    with pytest.raises(RpcError) as error:
        call(*args)
    assert error.value.name in (
        "odoo.exceptions.UserError",
        "odoo.exceptions.AccessError",
        "odoo.exceptions.ValidationError",
    )
    return error.value


@pytest.mark.parametrize(
    "context,vals",
    [
        ({"sop_assigning_code": True}, {"sop_code": "SQUAT-0001"}),
        ({"sop_grading": True}, {"sop_grade": "A"}),
        ({"sop_reviewing": True}, {"sop_review_state": "approved"}),
        ({}, {"sop_last_contact_date": "2099-01-01 00:00:00"}),
        ({}, {"sop_recycle_date": "2099-01-01"}),
    ],
    ids=["number", "grade", "review", "last-contact", "recycle-date"],
)
def test_rep_cannot_switch_a_privileged_write_on(rep, context, vals):
    customer = _xmlid(rep, "partner_sop_05")
    fields = list(vals)
    [before] = rep.call("res.partner", "read", [customer], fields)
    _refused(_call_with, rep, context, "res.partner", "write", [customer], vals)
    [after] = rep.call("res.partner", "read", [customer], fields)
    assert after == before


def test_forged_claim_decision_is_filed_pending(rep, connect):
    support = connect("zhao.li")
    context = {"default_state": "approved", "default_decided_by_id": support.uid}
    target = _xmlid(support, "partner_sop_06")  # a rep gets no id for another rep's customer
    request = _call_with(
        rep, context, "sop.claim.request", "create", {"partner_id": target, "reason": "Met at the fair"}
    )
    [filed] = support.call("sop.claim.request", "read", [request], ["state", "decided_by_id"])
    assert (filed["state"], filed["decided_by_id"]) == ("pending", False)
    _refused(rep.call, "sop.claim.request", "write", [request], {"state": "approved"})
    support.call("sop.claim.request", "action_refuse", [request], "Not proven")


def test_followup_dated_ahead_is_refused(rep):
    customer = _xmlid(rep, "partner_sop_05")
    error = _refused(
        rep.call,
        "sop.followup",
        "create",
        {"partner_id": customer, "content": "Called", "date": "2099-01-01 00:00:00"},
    )
    assert "future" in error.message
    assert not rep.call(
        "sop.followup", "search", [["partner_id", "=", customer], ["date", ">=", "2099-01-01"]]
    )
