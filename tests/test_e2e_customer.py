"""A rep creates a customer over JSON-RPC and reads back its customer number."""

import re

import pytest

from .jsonrpc import RpcError


def _profile(rep, name):
    source = rep.call("ir.model.data", "check_object_reference", "sales_lead_sop", "utm_source_alibaba")[1]
    group = rep.call("sop.customer.group", "search", [["code", "=", "potential"]])[0]
    product = rep.call("product.template", "search", [], limit=1)[0]
    country = rep.call("res.country", "search", [["code", "=", "CN"]])[0]
    return {
        "name": name,
        "is_company": True,
        "sop_managed": True,
        "sop_short_name": name[:8],
        "sop_source_id": source,
        "sop_customer_type": "trader",
        "sop_group_id": group,
        "sop_product_ids": [[6, 0, [product]]],
        "country_id": country,
        "city": "Ningbo",
    }


def test_rep_creates_customer_and_reads_its_number(connect):
    rep = connect("li.wei")
    partner_id = rep.call("res.partner", "create", _profile(rep, "宁波海通电器有限公司"))
    [customer] = rep.call("res.partner", "read", [partner_id], ["sop_code", "sop_review_state", "user_id"])
    assert re.fullmatch(r"NB-XX-\d{4}-\d{3,}", customer["sop_code"])
    assert customer["sop_review_state"] == "submitted"


def test_incomplete_profile_is_refused_over_rpc(connect):
    rep = connect("li.wei")
    vals = _profile(rep, "Incomplete Over RPC Ltd")
    del vals["sop_customer_type"]
    with pytest.raises(RpcError) as error:
        rep.call("res.partner", "create", vals)
    assert error.value.name == "odoo.exceptions.ValidationError"
    assert "Customer Type" in error.value.message
    assert not rep.call("res.partner", "search", [["name", "=", "Incomplete Over RPC Ltd"]])
