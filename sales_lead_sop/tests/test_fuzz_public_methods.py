"""Property-based fuzzing (hypothesis) of the public RPC methods of interface.md, called as
the users they concern with arbitrary JSON-shaped values: each call succeeds or raises a
UserError (AccessError, MissingError and ValidationError are UserErrors), never anything else.
Seeded (derandomize): a failure replays on every run."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SopCommon

FUZZ_EXAMPLES = int(os.environ.get("SOP_FUZZ_EXAMPLES", 1000))  # per method; 1000 in `make test`

# values a JSON-RPC client can send, with the texts that broke things before
NASTY_TEXTS = st.sampled_from(
    ["", " ", "%", "_", "\x00", "a\x00b", "http://[::1", "+", "00", "x" * 5000, "'; --"]
)
JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | NASTY_TEXTS
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
QUERY_KEYS = st.sampled_from(["name", "phone", "mobile", "fax", "email", "website", "country_id"]) | st.text(
    max_size=6
)
IDS = st.lists(st.integers(min_value=-(2**40), max_value=2**40), max_size=3)

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestFuzzPublicMethods(SopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_customer("Fuzz Own Co", user=cls.rep_a).with_env(cls.env)
        cls.theirs = cls._create_customer("Fuzz Taken Co", user=cls.rep_b).with_env(cls.env)
        cls.public = cls._create_customer("Fuzz Public Co")
        cls.ids = (cls.mine | cls.theirs | cls.public).ids

    def _call(self, method):
        """Run `method()` in a savepoint rolled back afterwards: every example starts alike."""
        savepoint = self.env.cr.savepoint()
        try:
            method()
        except UserError as refusal:  # an allowed outcome, if it says why
            self.assertTrue(str(refusal))
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()

    def _partners(self, user, ids):
        return self.env["res.partner"].with_user(user).browse([*ids, *self.ids[: len(ids) % 4]])

    @FUZZ
    @given(st.one_of(JSON_VALUES, st.dictionaries(QUERY_KEYS, JSON_VALUES, max_size=4)))
    def test_find_duplicates(self, vals):
        self._call(lambda: self.env["res.partner"].with_user(self.rep_a).sop_find_duplicates(vals))

    @FUZZ
    @given(IDS)
    def test_claim(self, ids):
        self._call(lambda: self._partners(self.rep_a, ids).sop_claim())

    @FUZZ
    @given(IDS, JSON_VALUES)
    def test_release(self, ids, reason):
        self._call(lambda: self._partners(self.rep_a, ids).sop_release(reason))

    @FUZZ
    @given(
        st.dictionaries(
            st.sampled_from(["partner_id", "reason", "state", "user_id"]) | st.text(max_size=6), JSON_VALUES
        )
    )
    def test_claim_request_create(self, vals):
        self._call(lambda: self.env["sop.claim.request"].with_user(self.rep_a).create(vals))

    @FUZZ
    @given(JSON_VALUES, st.booleans())
    def test_claim_request_decisions(self, reason, approve):
        def decide():
            request = (
                self.env["sop.claim.request"]
                .with_user(self.rep_a)
                .create({"partner_id": self.theirs.id, "reason": "Met them at the fair"})
            )
            decided = request.with_user(self.support)
            decided.action_approve() if approve else decided.action_refuse(reason)

        self._call(decide)

    @FUZZ
    @given(
        st.dictionaries(
            st.sampled_from(["partner_id", "lead_id", "date", "method", "content", "next_date"]), JSON_VALUES
        )
    )
    def test_followup_create(self, vals):
        self._call(
            lambda: (
                self.env["sop.followup"]
                .with_user(self.rep_a)
                .create(dict({"partner_id": self.mine.id, "content": "x"}, **vals))
            )
        )
