"""Keyword search of the check before entry (撞单查询 by 字号) over JSON-RPC as logged-in demo
reps: statuses, and another rep's customer by its owner only."""

import random
import uuid

import pytest

from .jsonrpc import RpcError
from .test_e2e_duplicate import _customer

# Simplified characters no demo name holds: two of them make a trade-name keyword of its own.
RARE = "鹮鹯鹱鹲鹳鹴鹾麸麹黡黩黪黾鼋鼍鼗鼹齄齑龁龃龆龇龉龊龋龌龛"


@pytest.fixture
def setup(connect):
    admin = connect("admin")
    li = connect("li.wei")
    keyword = "".join(random.sample(RARE, 2))
    tag = uuid.uuid4().hex[:6]
    owned = _customer(admin, f"苏州{keyword}{tag}精密电子有限公司", li.uid, street="1 Secret Road")
    public = _customer(admin, f"深圳{keyword}{tag}照明有限公司")
    return {
        "admin": admin,
        "li": li,
        "zhang": connect("zhang.min"),
        "keyword": keyword,
        "owned": owned,
        "public": public,
    }


def _keyword_rows(client, keyword):
    return [
        row
        for row in client.call("res.partner", "sop_find_duplicates", {"keyword": keyword})
        if row["match"] == "keyword"
    ]


def test_keyword_statuses_and_no_leak(setup):
    rows = _keyword_rows(setup["zhang"], setup["keyword"])
    assert sorted(row["status"] for row in rows) == ["owned", "public"]
    owned = next(row for row in rows if row["status"] == "owned")
    assert owned["owner"].startswith("Li Wei")
    assert (owned["partner_id"], owned["name"]) == (False, False)
    assert setup["owned"] not in [row["partner_id"] for row in rows] and "Secret Road" not in str(rows)
    mine = _keyword_rows(setup["li"], setup["keyword"])
    assert ("mine", setup["owned"]) in [(row["status"], row["partner_id"]) for row in mine]


def test_keyword_needs_two_characters(setup):
    with pytest.raises(RpcError, match="at least 2 characters") as error:
        setup["zhang"].call("res.partner", "sop_find_duplicates", {"keyword": setup["keyword"][0]})
    assert error.value.name == "odoo.exceptions.UserError"
