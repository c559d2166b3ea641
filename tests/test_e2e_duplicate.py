"""Duplicate check (撞单) over JSON-RPC as logged-in demo users: block, warn, claim, apply to
claim and the leak rule, as an integration or the web client would meet them."""

import random
import uuid

import pytest

from .jsonrpc import RpcError


def _unique():
    """A trade name and a Suzhou landline nobody else has."""
    tag = uuid.uuid4().hex[:6]
    return f"澜拓{tag}精密电子", f"0512-{random.randint(6000, 6999)} {random.randint(1000, 9999)}"


def _profile(admin):
    group = admin.call("sop.customer.group", "search", [["code", "=", "potential"]])
    source = admin.call("utm.source", "search", [], limit=1)
    country = admin.call("res.country", "search", [["code", "=", "CN"]])
    product = admin.call("product.template", "search", [], limit=1)
    return {
        "is_company": True,
        "sop_managed": True,
        "sop_source_id": source[0],
        "sop_customer_type": "trader",
        "sop_group_id": group[0],
        "country_id": country[0],
        "sop_product_ids": [[6, 0, product]],
    }


def _customer(admin, name, owner_uid=False, **vals):
    values = dict(_profile(admin), name=name, sop_short_name=name[:10], user_id=owner_uid, **vals)
    return admin.call("res.partner", "create", values)


@pytest.fixture
def setup(connect):
    admin = connect("admin")
    li = connect("li.wei")
    trade, phone = _unique()
    owned = _customer(admin, f"苏州{trade}有限公司", li.uid, phone=phone, street="1 Secret Road")
    return {
        "admin": admin,
        "li": li,
        "zhang": connect("zhang.min"),
        "trade": trade,
        "phone": phone,
        "owned": owned,
        "cn": admin.call("res.country", "search", [["code", "=", "CN"]])[0],
    }


def test_find_duplicates_owner_sees_id_other_rep_sees_owner_only(setup):
    vals = {"name": f"{setup['trade']}（苏州）有限公司", "phone": setup["phone"], "country_id": setup["cn"]}
    other = setup["zhang"].call("res.partner", "sop_find_duplicates", vals)
    assert {(row["match"], row["status"]) for row in other} >= {("name", "owned"), ("phone", "owned")}
    for row in other:
        if row["status"] == "owned" and row["owner"].startswith("Li Wei"):
            assert row["partner_id"] is False
            assert row["name"] is False
    assert setup["owned"] not in [row["partner_id"] for row in other]
    assert "Secret Road" not in str(other) and setup["phone"][-4:] not in str(other)
    mine = setup["li"].call("res.partner", "sop_find_duplicates", vals)
    assert ("name", "mine", setup["owned"]) in [(r["match"], r["status"], r["partner_id"]) for r in mine]


def test_other_rep_is_blocked_with_owner_and_status(setup):
    zhang = setup["zhang"]
    with pytest.raises(RpcError, match="owned by Li Wei") as error:
        _customer(zhang, f"{setup['trade']}（苏州）有限公司", zhang.uid)
    assert error.value.name == "odoo.exceptions.UserError"
    assert setup["phone"][-4:] not in error.value.message
    assert not setup["admin"].call(
        "res.partner", "search", [["name", "=", f"{setup['trade']}（苏州）有限公司"]]
    )
    with pytest.raises(RpcError, match="phone number matches a customer owned by Li Wei"):
        _customer(zhang, f"Kestrel {uuid.uuid4().hex[:6]} Optics", zhang.uid, phone=setup["phone"])


def test_similar_name_only_warns(setup):
    zhang = setup["zhang"]
    created = _customer(zhang, f"苏州{setup['trade']}科技有限公司", zhang.uid)
    assert created
    bodies = zhang.call(
        "mail.message", "search_read", [["model", "=", "res.partner"], ["res_id", "=", created]], ["body"]
    )
    assert any("Possible duplicate" in m["body"] and "similar company name" in m["body"] for m in bodies)


def test_public_pool_claim_through_the_check(setup):
    admin, zhang = setup["admin"], setup["zhang"]
    trade, phone = _unique()
    public = _customer(admin, f"宁波{trade}有限公司", phone=phone)
    with pytest.raises(RpcError, match="public pool: claim it"):
        _customer(zhang, f"{trade}（宁波）有限公司", zhang.uid)
    # The rep says which country the number is from, as the form proposes.
    check = zhang.call("sop.duplicate.check", "create", {"phone": phone, "country_id": setup["cn"]})
    zhang.call("sop.duplicate.check", "action_check", [check])
    lines = zhang.call(
        "sop.duplicate.check.line", "search_read", [["check_id", "=", check]], ["match", "status", "owner"]
    )
    assert [(line["match"], line["status"]) for line in lines] == [("phone", "public")]
    with pytest.raises(RpcError):
        zhang.call("sop.duplicate.check.line", "read", [lines[0]["id"]], ["partner_ref_id"])
    zhang.call("sop.duplicate.check.line", "action_claim", [lines[0]["id"]])
    owner = admin.call("res.partner", "read", [public], ["user_id"])[0]["user_id"]
    assert owner[0] == zhang.uid


def test_apply_to_claim_through_the_check(setup):
    zhang = setup["zhang"]
    check = zhang.call(
        "sop.duplicate.check",
        "create",
        {"name": f"{setup['trade']}有限公司", "claim_reason": "Met the buyer at the Canton Fair first"},
    )
    zhang.call("sop.duplicate.check", "action_check", [check])
    lines = zhang.call(
        "sop.duplicate.check.line",
        "search_read",
        [["check_id", "=", check], ["status", "=", "owned"]],
        ["owner"],
    )
    assert lines and lines[0]["owner"].startswith("Li Wei")
    zhang.call("sop.duplicate.check.line", "action_apply", [lines[0]["id"]])
    requests = setup["admin"].call(
        "sop.claim.request",
        "search_read",
        [["partner_id", "=", setup["owned"]], ["user_id", "=", zhang.uid]],
        ["state"],
    )
    assert [r["state"] for r in requests] == ["pending"]


def test_claim_refused_when_company_is_another_reps(setup):
    admin, zhang = setup["admin"], setup["zhang"]
    twin = admin.call(
        "res.partner",
        "create",
        dict(
            _profile(admin), name=f"Twin {uuid.uuid4().hex[:6]}", sop_short_name="Twin", phone=setup["phone"]
        ),
        context={"sop_skip_duplicate_check": True},
    )
    with pytest.raises(RpcError, match="owned by Li Wei"):
        zhang.call("res.partner", "sop_claim", [twin])
    assert admin.call("res.partner", "read", [twin], ["user_id"])[0]["user_id"] is False
