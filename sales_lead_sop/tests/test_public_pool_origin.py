from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPublicPoolOrigin(SopCommon):
    """Public-pool search [004 如何捡公海]: by the day a customer became public, its former
    owner (and team), and how it came there, as a rep searches the public pool."""

    def _public_rows(self, user, domain):
        return self.env["sop.public.customer"].with_user(user).search(domain)

    def test_release_recycle_and_claim_set_and_clear_the_origin(self):
        released = self._create_customer("Origin Released Co", user_id=self.rep_a.id)
        recycled = self._create_customer("Origin Recycled Co", user_id=self.rep_c.id)
        released.with_user(self.rep_a).sop_release("buys elsewhere now")
        # the recycling job moves in SQL and logs with one INSERT per batch
        with freeze_time(fields.Datetime.now() + timedelta(days=recycled.sop_group_id.recycle_days + 1)):
            self.env["res.partner"]._cron_sop_recycle()
        self.assertFalse(recycled.user_id)
        rows = self._public_rows(self.rep_b, [("id", "in", (released | recycled).ids)])
        by_id = {row.id: row for row in rows}
        self.assertEqual(
            (by_id[released.id].sop_public_action, by_id[released.id].sop_public_from_user_id),
            ("release", self.rep_a),
        )
        self.assertEqual(by_id[released.id].sop_public_from_team_id, self.team_a)
        self.assertEqual(
            (by_id[recycled.id].sop_public_action, by_id[recycled.id].sop_public_from_user_id),
            ("recycle", self.rep_c),
        )
        self.assertTrue(by_id[released.id].sop_public_date)
        # search, filter and group as the rep does
        ids = (released | recycled).ids
        self.assertEqual(
            self._public_rows(
                self.rep_b, [("id", "in", ids), ("sop_public_from_user_id", "=", self.rep_a.id)]
            ),
            by_id[released.id],
        )
        self.assertEqual(
            self._public_rows(self.rep_b, [("id", "in", ids), ("sop_public_action", "=", "recycle")]),
            by_id[recycled.id],
        )
        since_recycle = [("id", "in", ids), ("sop_public_date", ">", by_id[released.id].sop_public_date)]
        self.assertEqual(self._public_rows(self.rep_b, since_recycle), by_id[recycled.id])
        groups = (
            self.env["sop.public.customer"]
            .with_user(self.rep_b)
            ._read_group([("id", "in", ids)], ["sop_public_from_team_id"], ["__count"])
        )
        self.assertEqual(dict(groups), {self.team_a: 1, self.team_b: 1})
        # once claimed, the origin is cleared (its partial indexes hold the public pool only)
        released.with_user(self.rep_b).sop_claim()
        self.assertEqual(
            released.read(["sop_public_date", "sop_public_from_user_id", "sop_public_action"])[0],
            {
                "id": released.id,
                "sop_public_date": False,
                "sop_public_from_user_id": False,
                "sop_public_action": False,
            },
        )
