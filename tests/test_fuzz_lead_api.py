"""Property-based fuzzing (hypothesis) of the lead API over real HTTP: whatever JSON a caller
posts, the answer is a documented status with a JSON body, never a server error. Seeded
(derandomize), so a failure replays. Runs after the other end-to-end tests (file order): the
leads it makes come from a source of its own."""

import json
import os
import threading
import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ_EXAMPLES = int(os.environ.get("SOP_FUZZ_EXAMPLES", 1000))
DOCUMENTED = {200, 201, 400, 409, 413, 415, 429}
FIELDS = [
    "name",
    "contact_name",
    "partner_name",
    "email_from",
    "phone",
    "description",
    "country_code",
    "campaign",
]
NASTY = st.sampled_from(
    ["", " ", "%", "_", "\x00", "a\x00b", "CN", "cn", "ZZ", "x" * 3000, "'; --", "http://[::1"]
)
LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | NASTY
VALUES = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
)
BODIES = st.one_of(
    VALUES,
    st.dictionaries(st.sampled_from([*FIELDS, "idempotency_key"]) | st.text(max_size=6), VALUES, max_size=5),
    st.fixed_dictionaries(
        {"name": st.text(min_size=1, max_size=30) | NASTY},
        optional={f: LEAVES for f in FIELDS if f != "name"},
    ),
)


@pytest.fixture
def api(connect, odoo_server):
    admin = connect("admin")
    source = admin.call("utm.source", "create", {"name": f"Fuzz source {uuid.uuid4().hex[:6]}"})
    key_id = admin.call("sop.api.key", "create", {"name": "Fuzz", "source_id": source, "rate_limit": 10**6})
    key = admin.call("sop.api.key", "action_generate_key", [key_id])["params"]["message"]
    yield {
        "url": odoo_server + "/sop/api/lead",
        "headers": {"X-Api-Key": key},
        "admin": admin,
        "source": source,
    }
    admin.call("sop.api.key", "write", [key_id], {"active": False})


def _post(api, body, **headers):
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    response = requests.post(
        api["url"],
        data=raw,
        headers={"Content-Type": "application/json", **api["headers"], **headers},
        timeout=60,
    )
    assert response.status_code in DOCUMENTED, (body, response.status_code, response.text[:300])
    assert "id" in response.json() or "error" in response.json(), response.text[:300]
    return response


def test_lead_api_answers_every_body_with_a_documented_status(api):
    @settings(
        max_examples=FUZZ_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(BODIES)
    def post(body):
        _post(api, body)

    post()


@pytest.mark.parametrize(
    "raw,status",
    [
        (b"[" * 30000 + b"]" * 30000, 400),  # under the size limit, nested deeper than Python parses
        (json.dumps({"name": "NUL \x00 inside"}).encode(), 400),
        (json.dumps({"name": "Percent country", "country_code": "%"}).encode(), 400),
        (json.dumps({"name": "Any country", "country_code": "_"}).encode(), 400),
    ],
    ids=["deep", "nul", "percent-country", "underscore-country"],
)
def test_lead_api_refuses_bodies_that_once_crashed(api, raw, status):
    assert _post(api, raw).status_code == status


def test_same_idempotency_key_at_once_makes_one_lead(api):
    name = f"Concurrent inquiry {uuid.uuid4().hex[:8]}"
    answers = []

    def send():
        answers.append(_post(api, {"name": name}, **{"Idempotency-Key": name}).status_code)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(answers) <= {200, 201, 409} and answers.count(201) == 1, answers
    assert len(api["admin"].call("crm.lead", "search", [("name", "=", name)])) == 1
