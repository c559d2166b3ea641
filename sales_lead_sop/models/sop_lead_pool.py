from odoo import fields, models


class SopLeadPool(models.Model):
    """A lead pool (线索池), by industry or region: new unassigned leads matching its domain
    are routed into it, to its default assignee, round-robin to its members, or left for
    reps to claim."""

    _name = "sop.lead.pool"
    _description = "SOP Lead Pool"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help="New leads go to the first pool whose domain they match.")
    active = fields.Boolean(default=True)
    domain = fields.Char(
        string="Routing Domain", default="[]", help="Leads matching this domain are routed to the pool."
    )
    team_id = fields.Many2one("crm.team", string="Sales Team")
    user_id = fields.Many2one("res.users", string="Default Assignee", domain=[("share", "=", False)])
    member_ids = fields.Many2many(
        "res.users",
        string="Round-robin Members",
        domain=[("share", "=", False)],
        help="Without a default assignee, new leads go to these reps in turn. When set, only they "
        "(and the default assignee) may claim the pool's leads; otherwise the pool's team does.",
    )
    last_member_id = fields.Many2one("res.users", string="Last Member Served", readonly=True)
    reps_may_claim = fields.Boolean(
        string="Reps May Claim",
        default=True,
        help="Reps may claim its unassigned leads: its members, else the members of its team, else any rep.",
    )
    lead_ids = fields.One2many("crm.lead", "sop_pool_id", string="Leads")
    lead_count = fields.Integer(compute="_compute_lead_count", string="Unassigned Leads")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def _compute_lead_count(self):
        counts = dict(
            self.env["crm.lead"]._read_group(
                [("sop_pool_id", "in", self.ids), ("user_id", "=", False)], ["sop_pool_id"], ["__count"]
            )
        )
        for pool in self:
            pool.lead_count = counts.get(pool, 0)

    def _sop_next_user(self, exclude=None):
        """Next owner of a lead of this pool: the default assignee, else the next round-robin
        member (skipping `exclude`, a res.users set), else nobody (the lead waits to be claimed).
        Moves the round-robin pointer."""
        self.ensure_one()
        if self.user_id and self.user_id not in (exclude or self.env["res.users"]):
            return self.user_id
        members = self.member_ids - (exclude or self.env["res.users"])
        if not members:
            return self.env["res.users"]
        ordered = members.sorted("id")
        after = ordered.filtered(lambda u: u.id > self.last_member_id.id)
        user = after[:1] or ordered[:1]
        self.last_member_id = user
        return user

    def _sop_claimers(self):
        """Who may hold a lead of this pool when a rep claims or sets its salesperson [003]: its
        members (round-robin members and default assignee) when it lists any, else the members
        and leader of its team, else every salesperson (an empty recordset means "everyone").

        :return: res.users
        """
        self.ensure_one()
        # sudo: team memberships are configuration, read to decide a rep's own claim
        pool = self.sudo()
        if pool.member_ids or pool.user_id:
            return pool.member_ids | pool.user_id
        if pool.team_id:
            return pool.team_id.member_ids | pool.team_id.user_id
        return self.env["res.users"]

    def action_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_all_leads")
        action["domain"] = [("sop_pool_id", "=", self.id)]
        action["context"] = {"search_default_sop_unassigned": 1}
        return action
