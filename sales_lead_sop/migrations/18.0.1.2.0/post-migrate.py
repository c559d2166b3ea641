"""18.0.1.2.0: SOP teams show SOP stages only; their opportunities still in Odoo's stages
(from before the SOP pipeline filtered the columns) move to the SOP stages."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["crm.team"].with_context(active_test=False).search(
        [("sop_use_pipeline", "=", True)]
    )._sop_move_opportunities_to_sop_stages()
