"""The private pool's privacy over JSON-RPC and HTTP, as the demo users (SOP §1): linking
another owner's customer, meetings and attendees, bank accounts, labels built with context
keys, claim requests, a former owner's old records, and the handover list (list, report,
XLSX). Demo teams: Export Team (leader wang.fang; reps li.wei, zhang.min), Domestic Team
(leader chen.jie; rep liu.yang); zhao.li is sales support."""

import io
import json
import re
import uuid
from datetime import datetime, timedelta

import openpyxl
import pytest

from .jsonrpc import RpcError

LABEL_CONTEXT = {
    "show_address": True,
    "show_email": True,
    "show_vat": True,
    "partner_show_db_id": True,
    "address_inline": True,
    "show_address_only": True,
}


def _xmlid(admin, name):
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [["module", "=", "sales_lead_sop"], ["name", "=", name.replace("sop_", "partner_sop_")]],
        ["res_id"],
    )
    return rows[0]["res_id"]


def _denied(call):
    with pytest.raises(RpcError) as error:
        call()
    assert error.value.name == "odoo.exceptions.AccessError", error.value
    return error.value


def _uid(admin, login):
    return admin.call("res.users", "search", [["login", "=", login]])[0]


def _csrf(client):
    page = client.session.get(client.base_url + "/odoo", timeout=60).text
    return re.search(r'csrf_token: "([^"]+)"', page).group(1)


def _export(client, fmt, model, ids, fields):
    data = {
        "model": model,
        "fields": [{"name": name, "label": name} for name in fields],
        "ids": ids,
        "domain": [],
        "import_compat": False,
        "context": {},
    }
    response = client.session.post(
        f"{client.base_url}/web/export/{fmt}",
        data={"data": json.dumps(data), "csrf_token": _csrf(client)},
        timeout=60,
    )
    return response


def _new_customer(admin, owner_login, tag):
    """A fresh SOP customer for the steps that move ownership (demo customers stay as they are)."""
    template = admin.call(
        "res.partner",
        "read",
        [_xmlid(admin, "sop_02")],
        ["sop_source_id", "sop_customer_type", "sop_group_id", "country_id", "sop_product_ids"],
    )[0]
    token = uuid.uuid4().hex[:8]
    vals = {
        "name": f"Privacy {tag} {token} Trading",
        "is_company": True,
        "sop_managed": True,
        "sop_short_name": f"Pv{token}",
        "sop_source_id": template["sop_source_id"][0],
        "sop_customer_type": template["sop_customer_type"],
        "sop_group_id": template["sop_group_id"][0],
        "country_id": template["country_id"][0],
        "sop_product_ids": [(6, 0, template["sop_product_ids"])],
        "email": f"{token}.private@privacy.example",
        "street": f"{token} Private Road",
        "user_id": _uid(admin, owner_login) if owner_login else False,
    }
    pid = admin.call("res.partner", "create", vals)
    return pid, vals


def test_linking_another_owners_customer_is_refused(connect):
    admin = connect("admin")
    rep, manager = connect("li.wei"), connect("wang.fang")
    for user, target in ((rep, "sop_01"), (rep, "sop_04"), (manager, "sop_02")):
        pid = _xmlid(admin, target)
        email = admin.call("res.partner", "read", [pid], ["email"])[0]["email"]
        error = _denied(
            lambda user=user, pid=pid: user.call("crm.lead", "create", {"name": "x", "partner_id": pid})
        )
        assert "cannot link" in error.message
        assert not email or email not in error.message
    # a lead of the rep's own customer is linked (and so filled from it) as before
    own = _xmlid(admin, "sop_05")
    lead = rep.call("crm.lead", "create", {"name": "privacy own", "partner_id": own})
    _denied(lambda: rep.call("crm.lead", "write", [lead], {"partner_id": _xmlid(admin, "sop_01")}))
    assert rep.call("crm.lead", "read", [lead], ["partner_id"])[0]["partner_id"][0] == own


def test_meetings_and_attendees_follow_the_customer(connect):
    admin = connect("admin")
    owner, rep = connect("zhang.min"), connect("li.wei")
    pid = _xmlid(admin, "sop_01")
    email = admin.call("res.partner", "read", [pid], ["email"])[0]["email"]
    start = datetime.utcnow().replace(microsecond=0) + timedelta(days=3)
    event = owner.call(
        "calendar.event",
        "create",
        {
            "name": "Privacy visit",
            "start": start.strftime("%Y-%m-%d %H:%M:%S"),
            "stop": (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S"),
            "description": "<p>PrivacyEventSecret</p>",
            "partner_ids": [(6, 0, [pid])],
        },
    )
    attendees = owner.call("calendar.attendee", "search", [["event_id", "=", event]])
    assert [a["email"] for a in owner.call("calendar.attendee", "read", attendees, ["email"])] == [email]
    assert rep.call("calendar.event", "search", [["id", "=", event]]) == []
    _denied(lambda: rep.call("calendar.event", "read", [event], ["description"]))
    assert rep.call("calendar.attendee", "search_read", [["partner_id", "=", pid]], ["email"]) == []
    _denied(lambda: rep.call("calendar.attendee", "read", attendees, ["email"]))
    response = _export(rep, "csv", "calendar.attendee", attendees, ["email", "partner_id"])
    assert email.encode() not in response.content
    # nor may the rep invite that customer to their own meeting, and read its attendee row
    _denied(
        lambda: rep.call(
            "calendar.event",
            "create",
            {
                "name": "Privacy invite",
                "start": start.strftime("%Y-%m-%d %H:%M:%S"),
                "stop": (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S"),
                "partner_ids": [(6, 0, [pid])],
            },
        )
    )


def test_bank_accounts_follow_the_customer(connect):
    admin = connect("admin")
    pid = _xmlid(admin, "sop_01")
    number = f"PRIV{uuid.uuid4().hex[:10].upper()}"
    bank = admin.call("res.partner.bank", "create", {"partner_id": pid, "acc_number": number})
    for login in ("zhang.min", "wang.fang", "zhao.li"):  # owner, owner's manager, support
        assert (
            connect(login).call("res.partner.bank", "read", [bank], ["acc_number"])[0]["acc_number"] == number
        )
    for login in ("li.wei", "liu.yang", "chen.jie"):
        user = connect(login)
        assert (
            user.call("res.partner.bank", "search_read", [["acc_number", "ilike", "PRIV"]], ["acc_number"])
            == []
        )
        _denied(lambda user=user: user.call("res.partner.bank", "read", [bank], ["acc_number"]))
        response = _export(user, "xlsx", "res.partner.bank", [bank], ["acc_number", "partner_id"])
        assert number.encode() not in response.content


def test_labels_carry_no_private_data_whatever_the_context(connect):
    admin = connect("admin")
    pid = _xmlid(admin, "sop_04")  # public pool
    private = admin.call("res.partner", "read", [pid], ["name", "email", "street", "zip"])[0]
    rep = connect("li.wei")
    rows = rep.call(
        "sop.public.customer", "search_read", [["id", "=", pid]], ["partner_id"], context=LABEL_CONTEXT
    )
    label = rows[0]["partner_id"][1]
    spec = {"partner_id": {"fields": {"display_name": {}}, "context": LABEL_CONTEXT}}
    web = rep.call("sop.public.customer", "web_read", [pid], spec, context=LABEL_CONTEXT)
    groups = rep.call(
        "sop.public.customer",
        "read_group",
        [["id", "=", pid]],
        ["partner_id"],
        ["partner_id"],
        context=LABEL_CONTEXT,
    )
    for text in (label, web[0]["partner_id"]["display_name"], groups[0]["partner_id"][1]):
        assert private["name"] in text
        for value in (private["email"], private["street"], private["zip"]):
            assert not value or value not in text, text
    # the owner's own label still shows what the context asks for
    owner_row = admin.call("res.partner", "read", [pid], ["display_name"], context={"show_email": True})
    assert not private["email"] or private["email"] in owner_row[0]["display_name"]


def test_claim_requests_and_a_former_owners_records(connect):
    admin = connect("admin")
    pid, vals = _new_customer(admin, "liu.yang", "Claimed")
    former, requester, other, support = (connect(u) for u in ("liu.yang", "li.wei", "zhang.min", "zhao.li"))
    former.call("sop.followup", "create", {"partner_id": pid, "content": "privacy call"})
    request = requester.call(
        "sop.claim.request", "create", {"partner_id": pid, "reason": "privacy: met at fair"}
    )
    assert requester.call("sop.claim.request", "search", [["id", "=", request]]) == [request]
    assert former.call("sop.claim.request", "search", [["id", "=", request]]) == [request]  # holder
    assert other.call("sop.claim.request", "search", [["id", "=", request]]) == []
    _denied(lambda: other.call("sop.claim.request", "read", [request], ["reason"]))
    support.call("sop.claim.request", "action_approve", [request])
    requester.call("sop.claim.request", "action_take", [request])  # approval opens a window to take it
    # the former owner no longer reaches the customer through their old records
    assert former.call("sop.followup", "search", [["partner_id", "=", pid]]) == []
    assert former.call("sop.pool.history", "search", [["partner_id", "=", pid]]) == []
    assert former.call("sop.claim.request", "search", [["id", "=", request]]) == []
    # the new owner reads them
    assert requester.call("sop.followup", "search_count", [["partner_id", "=", pid]]) == 1
    assert requester.call("res.partner", "read", [pid], ["email"])[0]["email"] == vals["email"]


def test_handover_receivers_see_their_own_lines_only(connect):
    admin = connect("admin")
    _new_customer(admin, "zhang.min", "Handover")  # so that both receivers get a customer
    receivers = [_uid(admin, "li.wei"), _uid(admin, "wang.fang")]
    handover = admin.call(
        "sop.handover",
        "create",
        {"from_user_id": _uid(admin, "zhang.min"), "receiver_ids": [(6, 0, receivers)]},
    )
    admin.call("sop.handover", "action_preview", [handover])
    lines = admin.call(
        "sop.handover.line", "search_read", [["handover_id", "=", handover]], ["to_user_id", "partner_name"]
    )
    assert len({line["to_user_id"][0] for line in lines}) == 2, "round-robin over both receivers"
    rep = connect("li.wei")
    own = [line["partner_name"] for line in lines if line["to_user_id"][0] == receivers[0]]
    others = [line["partner_name"] for line in lines if line["to_user_id"][0] != receivers[0]]
    seen = rep.call("sop.handover.line", "search_read", [["handover_id", "=", handover]], ["partner_name"])
    assert sorted(line["partner_name"] for line in seen) == sorted(own)
    xlsx = rep.session.get(f"{rep.base_url}/sop/handover/{handover}/xlsx", timeout=60)
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(own)
    html = rep.session.get(
        f"{rep.base_url}/report/html/sales_lead_sop.sop_handover_report/{handover}", timeout=60
    )
    assert html.status_code == 200
    for name in others:
        assert name not in html.text
    for name in own:
        assert name in html.text
    # sales support reads every handover and its whole list
    support = connect("zhao.li")
    assert support.call("sop.handover", "read", [handover], ["name"])
    assert len(support.call("sop.handover.line", "search", [["handover_id", "=", handover]])) == len(lines)
