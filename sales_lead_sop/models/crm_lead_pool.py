import logging
import threading
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, split_every
from odoo.tools.safe_eval import safe_eval

_logger = logging.getLogger(__name__)


class CrmLead(models.Model):
    """Lead pools (线索池): routing, claim, return, manager assignment and 45-day recycling."""

    _inherit = "crm.lead"

    sop_pool_id = fields.Many2one("sop.lead.pool", string="Lead Pool", index="btree_not_null", tracking=True)
    sop_pool_may_claim = fields.Boolean(related="sop_pool_id.reps_may_claim", string="Claimable")
    sop_released_date = fields.Datetime(
        string="Last Returned or Recycled", readonly=True, copy=False, help="Start of the owner's cooldown."
    )

    # ------------------------------------------------------------
    # ROUTING
    # ------------------------------------------------------------

    def _sop_route_to_pool(self):
        """Route leads arriving without an owner (API, mail alias, import, manual entry: any
        create) to the first matching pool, by sequence. The lead takes the pool's team (unless
        it came with one) and, when the pool auto-assigns, its default assignee or next
        round-robin member: that owner is notified ("assigned to you") and the first-contact
        deadline runs from this moment. A pool without either keeps the lead in its claim list
        (领取), where its team's manager can also assign it (分配). A lead matching no pool is
        left as it came.

        :return: the leads routed to a pool
        """
        if not self:
            return self
        Pool = self.env["sop.lead.pool"].sudo()  # routing runs for gateway/API users too
        # one search for the batch (an import brings thousands of rows), then match in memory
        pools = Pool.search([("company_id", "in", [False, *self.company_id.ids, self.env.company.id])])
        waiting, routed = self, self.browse()
        for pool in pools:
            company = pool.company_id
            candidates = waiting.filtered(
                lambda lead, company=company: not company or (lead.company_id or self.env.company) == company
            )
            matched = candidates.filtered_domain(safe_eval(pool.domain or "[]")) if candidates else candidates
            for lead in matched:
                lead._sop_route_into(pool)
            waiting -= matched
            routed |= matched
        return routed

    def _sop_route_into(self, pool):
        """Put this lead into `pool`, with the pool's team and next owner (logged)."""
        self.ensure_one()
        vals = {"sop_pool_id": pool.id}
        user = pool._sop_next_user()
        if user:
            vals["user_id"] = user.id
        if pool.team_id and not self.team_id:
            vals["team_id"] = pool.team_id.id
        self.write(vals)
        if user:
            self.env["sop.pool.history"]._log("assign", leads=self, to_user=user, reason=pool.name)

    # ------------------------------------------------------------
    # CLAIM / RETURN / ASSIGN
    # ------------------------------------------------------------

    def _sop_cooldown_users(self, users):
        """{lead id: set of user ids} of `users` who lost these leads (returned or recycled)
        less than the cooldown ago.

        :config: sales_lead_sop.lead_cooldown_days (3)
        """
        since = fields.Datetime.now() - timedelta(days=self._sop_param("lead_cooldown_days"))
        rows = (
            self.env["sop.pool.history"]
            .sudo()  # reps have no read access to others' moves; only the fact of the cooldown is used
            .search_read(
                [
                    ("lead_id", "in", self.ids),
                    ("action", "in", ("release", "recycle")),
                    ("from_user_id", "in", users.ids),
                    ("date", ">=", since),
                ],
                ["lead_id", "from_user_id"],
            )
        )
        result = {}
        for row in rows:
            result.setdefault(row["lead_id"][0], set()).add(row["from_user_id"][0])
        return result

    def _sop_user_over_capacity(self, user, adding=1):
        """True when `user` would hold more open leads than the lead capacity (0 = no limit).

        :config: sales_lead_sop.lead_capacity (0)
        """
        capacity = self._sop_param("lead_capacity")
        if not capacity:
            return False
        held = self.sudo().search_count([("user_id", "=", user.id), ("probability", "<", 100)])
        return held + adding > capacity

    def action_sop_claim(self):
        """Take these unassigned leads of a claimable pool (领取). First come, first served:
        rows are locked, so of two reps claiming at once exactly one wins.

        Refused with a UserError, changing nothing, when a lead is owned, not in a claimable
        pool, inside the cooldown of the acting rep, or beyond the rep's capacity."""
        user = self.env.user
        self.flush_recordset(["user_id"])
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id, user_id FROM crm_lead WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )
        except pg_errors.LockNotAvailable as exc:
            raise UserError(self.env._("Another user is taking these leads right now.")) from exc
        owned = [lead_id for lead_id, owner in self.env.cr.fetchall() if owner]
        if owned:
            self.invalidate_recordset(["user_id"])
            # sudo: only the names of the leads the rep tried to claim, to say they are gone
            names = ", ".join(self.browse(owned).sudo().mapped("name"))
            raise UserError(self.env._("Already taken by someone else: %(names)s", names=names))
        for lead in self:
            if not lead.sop_pool_id or not lead.sop_pool_id.reps_may_claim:
                raise UserError(self.env._("Lead %(name)s is not in a pool open to claims.", name=lead.name))
        cooldown = self._sop_cooldown_users(user)
        if cooldown:
            lead = self.browse(next(iter(cooldown)))
            raise UserError(
                self.env._(
                    "You gave lead %(name)s away less than %(days)s days ago; "
                    "it cannot come back to you yet.",
                    name=lead.name,
                    days=self._sop_param("lead_cooldown_days"),
                )
            )
        if self._sop_user_over_capacity(user, adding=len(self)):
            raise UserError(
                self.env._(
                    "You would hold more than %(cap)s open leads.", cap=self._sop_param("lead_capacity")
                )
            )
        self.write({"user_id": user.id})
        self.env["sop.pool.history"]._log("claim", leads=self, to_user=user)
        return True

    def _sop_return(self, reason):
        """Give these leads back to their pool (退回) with a reason; logged, and the returning
        rep cannot take them back within the cooldown."""
        if not reason:
            raise UserError(self.env._("Please give a reason to return a lead."))
        for lead in self:
            if not lead.user_id:
                raise UserError(self.env._("Lead %(name)s has no owner to return it.", name=lead.name))
            if not lead.sop_pool_id and not lead.team_id:
                raise UserError(
                    self.env._("Lead %(name)s has no pool or team to go back to.", name=lead.name)
                )
        origin = {lead.id: lead.user_id.id for lead in self}
        # date_open cleared: the lead is unassigned again, so Odoo's assignment rules may route it
        self.write({"user_id": False, "date_open": False, "sop_released_date": fields.Datetime.now()})
        self.env["sop.pool.history"]._log("release", leads=self, from_user=origin, reason=reason)
        return True

    def _sop_assign(self, user, reason=None):
        """Manager batch assignment (分配) of these leads to `user`, logged per lead."""
        if not self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            raise UserError(self.env._("Only a sales manager may assign leads."))
        origin = {lead.id: lead.user_id.id for lead in self}
        self.write({"user_id": user.id})
        self.env["sop.pool.history"]._log("assign", leads=self, from_user=origin, to_user=user, reason=reason)
        return True

    def action_sop_return(self):
        """Open the return dialog (reason required)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to Pool"),
            "res_model": "sop.lead.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_ids": self.ids},
        }

    # ------------------------------------------------------------
    # ODOO RULE-BASED ASSIGNMENT
    # ------------------------------------------------------------

    def _handle_salesmen_assignment(self, user_ids=False, team_id=False):
        """During Odoo's rule-based assignment (crm.team cron), never hand a lead to a rep
        inside their cooldown for it or over their capacity: such leads stay unassigned."""
        if not self.env.context.get("sop_rule_assignment") or not user_ids:
            return super()._handle_salesmen_assignment(user_ids=user_ids, team_id=team_id)
        team = self.env["crm.team"].browse(team_id)
        sop_leads = self.filtered(lambda lead: (team or lead.team_id).sop_use_pipeline)
        if sop_leads != self:
            # teams outside the SOP keep Odoo's assignment exactly, queries included
            super(CrmLead, self - sop_leads)._handle_salesmen_assignment(user_ids=user_ids, team_id=team_id)
        if sop_leads:
            sop_leads._sop_handle_salesmen_assignment(user_ids, team_id)
        return True

    def _sop_handle_salesmen_assignment(self, user_ids, team_id):
        users = self.env["res.users"].browse(user_ids)
        since = fields.Datetime.now() - timedelta(days=self._sop_param("lead_cooldown_days"))
        # only leads given away recently can be in a cooldown: spare the history lookup otherwise
        recent = self.filtered(lambda lead: lead.sop_released_date and lead.sop_released_date >= since)
        cooldown = recent._sop_cooldown_users(users) if recent else {}
        blocked = self.filtered(
            lambda lead: cooldown.get(lead.id) or any(self._sop_user_over_capacity(user) for user in users)
        )
        if blocked and team_id:
            blocked.write({"team_id": team_id})
        allowed = (self - blocked).with_context(sop_notify_assignment=True)
        if allowed:
            super(CrmLead, allowed)._handle_salesmen_assignment(user_ids=user_ids, team_id=team_id)

    # ------------------------------------------------------------
    # RECYCLING
    # ------------------------------------------------------------

    @api.model
    def _get_sop_recycle_domain(self):
        """Open leads whose owner has neither contacted them nor received them within the
        recycling period.

        :config: sales_lead_sop.lead_recycle_days (45)
        """
        limit = fields.Datetime.now() - timedelta(days=self._sop_param("lead_recycle_days"))
        return [
            ("user_id", "!=", False),
            ("probability", "<", 100),
            ("sop_assign_date", "<", limit),
            "|",
            ("sop_last_contact_date", "=", False),
            ("sop_last_contact_date", "<", limit),
        ]

    @api.model
    def _cron_sop_recycle_leads(self):
        """Scheduled action: leads without contact for N days go to their next owner: back to
        their pool (its next member, or unassigned for claims), else round-robin within the
        team. Works in batches, commits each one outside tests, and is safe to re-run
        (a recycled lead gets a new assignment date).

        :config: sales_lead_sop.lead_recycle_days (45), sales_lead_sop.lead_recycle_batch (500)
        """
        batch = self._sop_param("lead_recycle_batch")
        ids = self.search(self._get_sop_recycle_domain(), limit=batch * 10, order="sop_assign_date").ids
        done = 0
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        for chunk in split_every(batch, ids, self.browse):
            chunk._sop_recycle()
            done += len(chunk)
            if auto_commit:
                self.env["ir.cron"]._notify_progress(done=done, remaining=len(ids) - done)
                # keep each batch: a later failure must not undo it
                self.env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("sales_lead_sop: recycled %s leads", done)
        return done

    def _sop_recycle(self):
        """Move each lead to its next owner and log the move as 'recycle'."""
        for lead in self:
            previous = lead.user_id
            user = self.env["res.users"]
            if lead.sop_pool_id:
                user = lead.sop_pool_id.sudo()._sop_next_user(exclude=previous)
            elif lead.team_id:
                user = lead._sop_team_next_user(exclude=previous)
            # unassigned again: date_open cleared so Odoo's own assignment rules may route it
            lead.write(
                {
                    "user_id": user.id,
                    "date_open": False if not user else lead.date_open,
                    "sop_released_date": fields.Datetime.now(),
                }
            )
            self.env["sop.pool.history"]._log(
                "recycle",
                leads=lead,
                from_user=previous,
                to_user=user or None,
                reason=self.env._("No contact for %(days)s days", days=self._sop_param("lead_recycle_days")),
            )

    def _sop_team_next_user(self, exclude):
        """Round-robin within the team: the member with the fewest open leads, not `exclude`."""
        members = self.team_id.member_ids - exclude
        if not members:
            return self.env["res.users"]
        counts = dict(
            self.sudo()._read_group(
                [("user_id", "in", members.ids), ("probability", "<", 100)], ["user_id"], ["__count"]
            )
        )
        return min(members.sorted("id"), key=lambda user: counts.get(user, 0))
