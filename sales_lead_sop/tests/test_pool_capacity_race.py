import threading

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestPoolCapacityRace(TransactionCase):
    """Capacity holds when one rep claims from several connections at the same moment.

    The data is committed (each claim runs in its own transaction, as over RPC) and removed
    at the end; the claims go through Odoo's RPC retry loop like real requests do.
    Not a SopCommon test: its users, created in the test's open transaction, would hold
    locks (digest subscriptions) that the committed set-up below waits for."""

    CLAIMS = 4

    def _committed_setup(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        rep = new_test_user(env, "sop_race_rep", groups="sales_lead_sop.group_sop_rep", name="Race Rep")
        product = env["product.template"].create({"name": "SOP Race Product"})

        def vals(name, **extra):
            return {
                "name": name,
                "is_company": True,
                "sop_managed": True,
                "sop_short_name": name[:10],
                "sop_source_id": env.ref("sales_lead_sop.utm_source_alibaba").id,
                "sop_customer_type": "trader",
                "sop_group_id": env.ref("sales_lead_sop.customer_group_potential").id,
                "country_id": env.ref("base.cn").id,
                "sop_product_ids": [(6, 0, product.ids)],
                **extra,
            }

        held = env["res.partner"].create(vals("Race Held Co", user_id=rep.id))
        public = env["res.partner"].create([vals(f"Race Public {n}") for n in range(self.CLAIMS)])
        params = env["ir.config_parameter"]
        old_capacity = params.get_param("sales_lead_sop.capacity")
        params.set_param("sales_lead_sop.capacity", 2)  # the rep holds 1: room for one more
        return rep.id, product.id, held.id, public.ids, old_capacity

    def _cleanup(self, rep_id, product_id, partner_ids, old_capacity):
        with self.env.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["ir.config_parameter"].set_param("sales_lead_sop.capacity", old_capacity or False)
            # the history is append-only through the ORM; these rows belong to test data only
            cr.execute("DELETE FROM sop_pool_history WHERE partner_id IN %s", [tuple(partner_ids)])
            env["res.partner"].browse(partner_ids).unlink()
            env["product.template"].browse(product_id).unlink()
            user = env["res.users"].browse(rep_id)
            partner = user.partner_id
            user.unlink()
            partner.unlink()

    def test_capacity_holds_under_simultaneous_claims(self):
        registry = self.env.registry
        with registry.cursor() as cr:
            rep_id, product_id, held_id, public_ids, old_capacity = self._committed_setup(cr)
        outcomes = [None] * self.CLAIMS
        barrier = threading.Barrier(self.CLAIMS)

        def claim(index):
            with registry.cursor() as cr:
                env = api.Environment(cr, rep_id, {})
                env.user.name  # the request has started (its snapshot is taken) before the race  # noqa: B018
                barrier.wait(10)
                try:
                    retrying(env["res.partner"].browse(public_ids[index]).sop_claim, env)
                    outcomes[index] = "won"
                except UserError as error:
                    cr.rollback()
                    outcomes[index] = str(error)
                except Exception as error:  # noqa: BLE001 - reported by the assertions below
                    cr.rollback()
                    outcomes[index] = repr(error)

        threads = [threading.Thread(target=claim, args=(n,)) for n in range(self.CLAIMS)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            self.assertEqual(outcomes.count("won"), 1, outcomes)
            for outcome in outcomes:
                if outcome != "won":
                    self.assertRegex(outcome, "would exceed the capacity of 2")
            with registry.cursor() as cr:
                cr.execute("SELECT count(*) FROM res_partner WHERE user_id = %s AND sop_managed", [rep_id])
                self.assertEqual(cr.fetchone()[0], 2)
                cr.execute(
                    "SELECT count(*) FROM sop_pool_history WHERE action = 'claim' AND to_user_id = %s",
                    [rep_id],
                )
                self.assertEqual(cr.fetchone()[0], 1, "one history row per successful claim")
        finally:
            self._cleanup(rep_id, product_id, [held_id, *public_ids], old_capacity)
