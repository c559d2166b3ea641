"""Access matrix of SOP §1 over JSON-RPC, as each demo role (real server, real rules).

Cells: "RW" read and write allowed, "R" read only, "-" denied, None: no such record for
this role. Read covers search_read, read, read_group, name_search, export, a partner field
read through one of the user's leads (web_read), and the customer's chatter messages and
attachments. Unlink is denied to every role below sales admin (not exercised for admin:
it would destroy demo data the other tests use).

Demo teams: Export Team 外贸一部 (leader wang.fang; reps li.wei, zhang.min) and Domestic
Team 内贸部 (leader chen.jie; rep liu.yang); zhao.li is sales support, admin the sales
administrator. Public-pool customers are read by reps and managers only through
sop.public.customer (claim fields), see the last tests.
"""

import pytest

from .jsonrpc import RpcError

POSITIONS = ("own", "team-mate's", "other team's", "public pool", "non-SOP")

# fmt: off
MATRIX = {
    #             own    team-mate's  other team's  public pool  non-SOP
    "li.wei":    ("RW",  "-",         "-",          "-",         "RW"),
    "zhang.min": ("RW",  "-",         "-",          "-",         "RW"),
    "liu.yang":  ("RW",  None,        "-",          "-",         "RW"),
    "wang.fang": ("RW",  "RW",        "-",          "-",         "RW"),
    "chen.jie":  (None,  "RW",        "-",          "-",         "RW"),
    "zhao.li":   (None,  None,        "R",          "R",         "RW"),
    "admin":     (None,  None,        "RW",         "RW",        "RW"),
}
# demo customer (sop_NN = sales_lead_sop.partner_sop_NN, or a base xml id) in each position, per role
RECORDS = {
    "li.wei":    ("sop_05", "sop_01", "sop_02", "sop_04", "base.res_partner_2"),
    "zhang.min": ("sop_01", "sop_05", "sop_02", "sop_04", "base.res_partner_2"),
    "liu.yang":  ("sop_02", None,     "sop_05", "sop_04", "base.res_partner_2"),
    "wang.fang": ("sop_03", "sop_05", "sop_02", "sop_04", "base.res_partner_2"),
    "chen.jie":  (None,     "sop_02", "sop_05", "sop_04", "base.res_partner_2"),
    "zhao.li":   (None,     None,     "sop_05", "sop_04", "base.res_partner_2"),
    "admin":     (None,     None,     "sop_05", "sop_04", "base.res_partner_2"),
}
# fmt: on

CELLS = [
    (login, position, MATRIX[login][i], RECORDS[login][i])
    for login in MATRIX
    for i, position in enumerate(POSITIONS)
    if MATRIX[login][i] is not None
]


def _xmlid(admin, xmlid):
    module, name = (
        xmlid.split(".") if "." in xmlid else ("sales_lead_sop", xmlid.replace("sop_", "partner_sop_"))
    )
    rows = admin.call(
        "ir.model.data", "search_read", [["module", "=", module], ["name", "=", name]], ["res_id"]
    )
    return rows[0]["res_id"]


def _denied(call):
    with pytest.raises(RpcError) as error:
        call()
    assert error.value.name == "odoo.exceptions.AccessError", error.value
    return error.value


@pytest.fixture
def target(connect):
    """Set up one cell as admin: the partner id, a message and an attachment on it, and a
    lead of the role's user linked to it."""

    def _target(login, xmlid):
        admin = connect("admin")
        pid = _xmlid(admin, xmlid)
        user = connect(login)

        partner = admin.call("res.partner", "read", [pid], ["name", "email"])[0]
        msg_id = admin.call(
            "res.partner",
            "message_post",
            [pid],
            body="matrix note",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        att_id = admin.call(
            "ir.attachment",
            "create",
            {"name": "matrix.txt", "raw": "matrix", "res_model": "res.partner", "res_id": pid},
        )
        lead_id = admin.call(
            "crm.lead",
            "create",
            {
                "name": f"matrix {login} {xmlid}",
                "user_id": user.uid,
                "partner_id": pid,
                "type": "opportunity",
            },
        )

        return user, pid, partner, msg_id, att_id, lead_id

    return _target


@pytest.mark.parametrize("login,position,cell,xmlid", CELLS, ids=[f"{c[0]}-{c[1]}" for c in CELLS])
def test_access_matrix(target, login, position, cell, xmlid):
    user, pid, partner, msg_id, att_id, lead_id = target(login, xmlid)
    readable, writable = "R" in cell, "W" in cell
    found = user.call("res.partner", "search_read", [["id", "=", pid]], ["email", "phone"])
    groups = user.call("res.partner", "read_group", [["id", "=", pid]], ["email"], ["email"])
    names = user.call("res.partner", "name_search", partner["name"], limit=100)
    messages = user.call(
        "mail.message", "search_read", [["model", "=", "res.partner"], ["res_id", "=", pid]], ["body"]
    )
    attachments = user.call(
        "ir.attachment", "search_read", [["res_model", "=", "res.partner"], ["res_id", "=", pid]], ["name"]
    )
    if readable:
        assert [row["id"] for row in found] == [pid]
        assert found[0]["email"] == partner["email"]
        assert [g["email"] for g in groups] == [partner["email"]]
        assert pid in [n[0] for n in names]
        assert user.call("res.partner", "read", [pid], ["email"])[0]["email"] == partner["email"]
        assert user.call("res.partner", "export_data", [pid], ["email"])["datas"] == [
            [partner["email"] or ""]
        ]
        via_lead = user.call("crm.lead", "web_read", [lead_id], {"partner_id": {"fields": {"email": {}}}})
        assert via_lead[0]["partner_id"]["email"] == partner["email"]
        assert msg_id in [m["id"] for m in messages]
        assert att_id in [a["id"] for a in attachments]
        assert user.call("mail.message", "read", [msg_id], ["body"])
        assert user.call("ir.attachment", "read", [att_id], ["name"])
    else:
        assert found == [] and groups == [] and pid not in [n[0] for n in names]
        assert messages == [] and attachments == []
        for call in (
            lambda: user.call("res.partner", "read", [pid], ["email"]),
            lambda: user.call("res.partner", "export_data", [pid], ["email"]),
            lambda: user.call("crm.lead", "web_read", [lead_id], {"partner_id": {"fields": {"email": {}}}}),
            lambda: user.call("mail.message", "read", [msg_id], ["body"]),
            lambda: user.call("ir.attachment", "read", [att_id], ["name"]),
        ):
            error = _denied(call)
            if partner["email"]:
                assert partner["email"] not in str(error)
    if writable:
        assert user.call("res.partner", "write", [pid], {"comment": "<p>matrix</p>"}) is True
    else:
        _denied(lambda: user.call("res.partner", "write", [pid], {"comment": "<p>matrix</p>"}))
    if login != "admin":
        _denied(lambda: user.call("res.partner", "unlink", [pid]))


CLAIM_FIELDS = {
    "name",
    "sop_short_name",
    "country_id",
    "industry_id",
    "sop_group_id",
    "sop_stars",
    "sop_grade",
    "sop_customer_type",
    "sop_product_ids",
    "sop_last_contact_date",
}
PRIVATE_FIELDS = {"email", "phone", "mobile", "street", "city", "zip", "comment", "website", "vat"}


@pytest.mark.parametrize("login", ["li.wei", "liu.yang", "wang.fang", "chen.jie"])
def test_public_pool_shows_claim_fields_only(connect, login):
    user = connect(login)
    pid = _xmlid(connect("admin"), "sop_04")
    fields = user.call("sop.public.customer", "fields_get", [], ["type"])
    assert not PRIVATE_FIELDS & set(fields)
    rows = user.call("sop.public.customer", "search_read", [["id", "=", pid]], [])
    assert len(rows) == 1
    assert CLAIM_FIELDS <= set(rows[0])
    assert not PRIVATE_FIELDS & set(rows[0])
    _denied(lambda: user.call("sop.public.customer", "write", [pid], {"name": "x"}))
    _denied(lambda: user.call("sop.public.customer", "unlink", [pid]))
    # owned customers are not in the public pool
    own_or_other = _xmlid(connect("admin"), "sop_05")
    assert user.call("sop.public.customer", "search", [["id", "=", own_or_other]]) == []


def test_private_fields_not_searchable_through_public_pool(connect):
    """No oracle: searching the public pool on a partner's private field finds nothing."""
    admin = connect("admin")
    pid = _xmlid(admin, "sop_04")
    email = admin.call("res.partner", "read", [pid], ["email"])[0]["email"]
    rep = connect("li.wei")
    assert rep.call("sop.public.customer", "search", [["partner_id.email", "=", email]]) == []


def test_claim_through_public_pool_reveals_private_fields(connect):
    admin = connect("admin")
    group = admin.call("sop.customer.group", "search", [["code", "=", "potential"]])
    source = admin.call("utm.source", "search", [], limit=1)
    country = admin.call("res.country", "search", [["code", "=", "CN"]])
    product = admin.call("product.template", "search", [], limit=1)
    pid = admin.call(
        "res.partner",
        "create",
        {
            "name": "Matrix Claim Co",
            "is_company": True,
            "sop_managed": True,
            "sop_short_name": "Matrix",
            "sop_source_id": source[0],
            "sop_customer_type": "trader",
            "sop_group_id": group[0],
            "country_id": country[0],
            "sop_product_ids": [[6, 0, product]],
            "email": "buyer@matrix-claim.example",
        },
    )
    rep = connect("liu.yang")
    _denied(lambda: rep.call("res.partner", "read", [pid], ["email"]))
    rep.call("sop.public.customer", "action_sop_claim", [pid])
    assert rep.call("res.partner", "read", [pid], ["email"])[0]["email"] == "buyer@matrix-claim.example"
    assert rep.call("sop.public.customer", "search", [["id", "=", pid]]) == []
    rep.call("res.partner", "sop_release", [pid], "Matrix test done")
