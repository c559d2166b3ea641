"""Every demo login works over JSON-RPC, and each role reads what Odoo lets it read."""

import pytest

from .jsonrpc import RpcError

DEMO_ROLES = {
    "li.wei": "group_sop_rep",
    "zhang.min": "group_sop_rep",
    "liu.yang": "group_sop_rep",
    "wang.fang": "group_sop_manager",
    "chen.jie": "group_sop_manager",
    "zhao.li": "group_sop_support",
    "admin": "group_sop_manager",
}


@pytest.mark.parametrize("login,group", sorted(DEMO_ROLES.items()))
def test_demo_login_has_its_role(connect, login, group):
    client = connect(login)
    assert client.uid
    assert client.call("res.users", "has_group", [client.uid], f"sales_lead_sop.{group}")


def test_wrong_password_is_refused(connect):
    with pytest.raises(RpcError) as error:
        connect("li.wei", "not-the-password")
    assert "AccessDenied" in error.value.name


def test_rep_reads_only_own_and_unassigned_leads(connect):
    rep = connect("li.wei")
    leads = rep.call("crm.lead", "search_read", [], ["user_id"])
    assert leads, "the demo gives li.wei leads"
    owners = {lead["user_id"] and lead["user_id"][0] for lead in leads}
    assert owners <= {rep.uid, False}


def test_manager_and_rep_see_the_demo_customers(connect):
    # support reads every SOP customer; a manager only the teams they lead (issue 7)
    support = connect("zhao.li")
    names = support.call("res.partner", "search_read", [["is_company", "=", True]], ["name"], limit=500)
    assert len(names) >= 50
    manager = connect("wang.fang")
    names = manager.call("res.partner", "search_read", [["is_company", "=", True]], ["name"], limit=500)
    assert any("日东精密" in partner["name"] for partner in names)


def test_rep_cannot_configure_stages(connect):
    rep = connect("li.wei")
    with pytest.raises(RpcError) as error:
        rep.call("crm.stage", "create", {"name": "Rep stage"})
    assert error.value.name == "odoo.exceptions.AccessError"
