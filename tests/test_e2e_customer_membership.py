"""Over JSON-RPC as the demo users: a rep cannot take their customer out of the SOP (and so
out of the capacity count), and even the administrator archives an SOP customer instead of
deleting it and its history. Li Wei (rep) owns partner_sop_05."""

import pytest

from .jsonrpc import RpcError


def _customer(client):
    return client.call("ir.model.data", "check_object_reference", "sales_lead_sop", "partner_sop_05")[1]


def test_rep_cannot_toggle_sop_membership(connect):
    rep = connect("li.wei")
    customer = _customer(rep)
    with pytest.raises(RpcError) as error:
        rep.call("res.partner", "write", [customer], {"sop_managed": False})
    assert error.value.name == "odoo.exceptions.UserError"
    assert "Only a manager" in error.value.message
    [after] = rep.call("res.partner", "read", [customer], ["sop_managed"])
    assert after["sop_managed"] is True


def test_admin_cannot_delete_an_sop_customer(connect):
    admin = connect("admin")
    customer = _customer(admin)
    history = admin.call("sop.pool.history", "search_count", [("partner_id", "=", customer)])
    with pytest.raises(RpcError) as error:
        admin.call("res.partner", "unlink", [customer])
    assert error.value.name == "odoo.exceptions.UserError"
    assert "archive it instead" in error.value.message
    assert admin.call("res.partner", "search_count", [("id", "=", customer)]) == 1
    assert admin.call("sop.pool.history", "search_count", [("partner_id", "=", customer)]) == history > 0
