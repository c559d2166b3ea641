from odoo import api, models


class CrmLead(models.Model):
    """The opportunity events that move SOP customers between groups (SOP.md §4), on every path
    Odoo has to them: Won (button, kanban drag, stage bar, import, RPC), Lost (the lost wizard,
    `action_set_lost`, archive with a reason), a new open opportunity (create, conversion of a
    lead, restore)."""

    _inherit = "crm.lead"

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads.filtered(lambda lead: lead.type == "opportunity" and lead.stage_id.is_won)._sop_group_event(
            "won"
        )
        leads._sop_open_opportunities()._sop_group_event("opportunity")
        return leads

    def write(self, vals):
        newly_won = self.browse()
        if vals.get("stage_id") and self.env["crm.stage"].browse(vals["stage_id"]).is_won:
            newly_won = self.filtered(lambda lead: not lead.stage_id.is_won)
        res = super().write(vals)
        newly_won.filtered(lambda lead: lead.type == "opportunity")._sop_group_event("won")
        if ("active" in vals and not vals["active"]) or vals.get("lost_reason_id"):
            self.filtered(
                lambda lead: (
                    not lead.active
                    and lead.type == "opportunity"
                    and lead.lost_reason_id.sop_no_short_term_chance
                )
            )._sop_group_event("lost")
        if {"type", "partner_id", "active"} & set(vals):
            self._sop_open_opportunities()._sop_group_event("opportunity")
        return res

    def _sop_open_opportunities(self):
        return self.filtered(
            lambda lead: lead.type == "opportunity" and lead.active and not lead.stage_id.is_won
        )

    def _sop_group_event(self, trigger):
        """Apply the group moves of `trigger` to the SOP customers of these opportunities, once per
        opportunity (two deals won together move a customer two steps: intent, first deal, partner).
        A lost opportunity moves nobody whose customer still has another open opportunity."""
        if not self:
            return
        moves = self.env["res.partner"]._sop_group_moves(trigger)
        from_groups = moves.from_group_id
        # sudo: the customer of an opportunity the caller may act on is read (and moved) whoever
        # may see it; only the customer's group changes. Customers in a group no move of this
        # trigger starts from are left at once (an import of thousands costs no per-lead work).
        leads = self.sudo().filtered(
            lambda lead: lead.sop_customer_id.sop_managed and lead.sop_customer_id.sop_group_id in from_groups
        )
        if not leads:
            return
        if trigger == "lost":
            open_counts = dict(
                self.env["crm.lead"]
                .sudo()
                ._read_group(
                    [
                        ("sop_customer_id", "in", leads.sop_customer_id.ids),
                        ("type", "=", "opportunity"),
                        ("stage_id.is_won", "=", False),
                    ],
                    ["sop_customer_id"],
                    ["__count"],
                )
            )
            leads = leads.filtered(lambda lead: not open_counts.get(lead.sop_customer_id))
        for lead in leads:
            lead.sop_customer_id._sop_apply_group_move(trigger, lead._sop_group_event_text(trigger), moves)

    def _sop_group_event_text(self, trigger):
        self.ensure_one()
        if trigger == "won":
            return self.env._("opportunity %(name)s won", name=self.name)
        if trigger == "lost":
            return self.env._(
                "opportunity %(name)s lost (%(reason)s)", name=self.name, reason=self.lost_reason_id.name
            )
        return self.env._("new opportunity %(name)s", name=self.name)
