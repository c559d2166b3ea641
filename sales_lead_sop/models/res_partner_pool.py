from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, create_index
from odoo.tools.sql import drop_index

POOL_STATES = [("private", "Private Pool"), ("public", "Public Pool")]
# Fields whose change can move the recycle date of a customer.
SYSTEM_DATES = {"sop_last_contact_date", "sop_recycle_date"}
RECYCLE_DEPENDS = {"user_id", "sop_group_id", "sop_last_contact_date", "sop_managed", "active"}


class ResPartner(models.Model):
    """Pool side of an SOP customer: private (has an owner) or public (no owner),
    its last real contact and the day it would be recycled without one.

    Ownership moves (claim, release, assign, recycle, undo, approved requests) go
    through `_sop_move`, which writes the owner with one SQL statement and logs the
    history, so reps never need write access on customers they do not hold."""

    _inherit = "res.partner"

    sop_pool_state = fields.Selection(
        POOL_STATES,
        string="Pool",
        compute="_compute_sop_pool_state",
        store=True,
        index="btree_not_null",
    )
    sop_last_contact_date = fields.Datetime(string="Last Contact", readonly=True, copy=False, index=True)
    sop_recycle_date = fields.Date(
        string="Recycle Date",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Day the customer returns to the public pool if nobody contacts it; empty if exempt.",
    )
    sop_recycle_rule_id = fields.Many2one(
        "sop.recycle.rule",
        string="Recycled By Rule",
        readonly=True,
        copy=False,
        help="The recycling rule that sets the recycle date.",
    )
    sop_owner_date = fields.Datetime(
        string="Private Since", readonly=True, copy=False, help="When the current owner got this customer."
    )
    sop_recycle_warned_date = fields.Date(
        string="Warned For Recycle Date",
        readonly=True,
        copy=False,
        help="Recycle date the owner was last warned about (avoids double warnings).",
    )
    sop_pool_history_ids = fields.One2many("sop.pool.history", "partner_id", string="Pool History")

    def _auto_init(self):
        res = super()._auto_init()
        # Capacity check and "my customers" lists count a rep's SOP customers. `active` is in
        # the predicate so the count is an index-only scan (at 1M customers, fetching the heap
        # rows of a rep's customers made it the slowest step of a claim).
        drop_index(self.env.cr, "res_partner_sop_owner_idx", self._table)
        create_index(
            self.env.cr,
            "res_partner_sop_owner_active_idx",
            self._table,
            ["user_id"],
            where="sop_managed AND active AND user_id IS NOT NULL",
        )
        return res

    @api.depends("sop_managed", "user_id")
    def _compute_sop_pool_state(self):
        for partner in self:
            if not partner.sop_managed:
                partner.sop_pool_state = False
            else:
                partner.sop_pool_state = "private" if partner.user_id else "public"

    def _sop_register_contact(self, when):
        """Record a real contact at `when` on these customers (SOP §4, what counts as contact).

        Only moves the date forward, so logging an old follow-up never hides a newer one.
        """
        for partner in self.filtered("sop_managed"):
            if not partner.sop_last_contact_date or partner.sop_last_contact_date < when:
                # sudo: the last contact is written only here, from a contact that was made
                partner.sudo().sop_last_contact_date = when

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._sop_check_system_dates(vals)
            if vals.get("sop_managed") and vals.get("user_id"):
                vals.setdefault("sop_owner_date", fields.Datetime.now())
        owners = {vals["user_id"] for vals in vals_list if vals.get("sop_managed") and vals.get("user_id")}
        for owner in self.env["res.users"].browse(owners):
            count = sum(1 for v in vals_list if v.get("sop_managed") and v.get("user_id") == owner.id)
            self._sop_check_capacity(owner, count)
        partners = super().create(vals_list)
        managed = partners.filtered("sop_managed")
        if managed:
            for owner, group in managed.grouped("user_id").items():
                self.env["sop.pool.history"]._log("create", partners=group, to_user=owner or None)
            managed._sop_update_recycle_date()
        return partners

    def _sop_check_system_dates(self, vals):
        """The last contact and the recycle date decide when a customer returns to the public
        pool: only the system writes them (from logged contacts and the recycle rules)."""
        if SYSTEM_DATES & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "The last contact and the recycle date are set by the system: log a follow-up instead."
                )
            )

    def write(self, vals):
        self._sop_check_system_dates(vals)
        if "active" in vals:
            self._sop_check_may_archive()
        toggled = self.browse()
        if "sop_managed" in vals:
            toggled = self.filtered(lambda p: p.sop_managed != bool(vals["sop_managed"]) and not p.parent_id)
            toggled._sop_check_may_toggle_sop(vals)
        if "user_id" in vals:
            managed = self.filtered("sop_managed")
            origins = {partner.id: partner.user_id.id for partner in managed}
            vals = dict(vals, sop_owner_date=fields.Datetime.now() if vals["user_id"] else False)
        res = super().write(vals)
        if "user_id" in vals:
            to_user = self.env["res.users"].browse(vals["user_id"])
            moved = managed.filtered(lambda p: origins[p.id] != (vals["user_id"] or False))
            if moved:
                # An owner changed outside the pool actions (form, import): still logged.
                self.env["sop.pool.history"]._log(
                    "assign" if to_user else "release", partners=moved, from_user=origins, to_user=to_user
                )
        if toggled:
            for owner, group in toggled.grouped("user_id").items():
                self.env["sop.pool.history"]._log(
                    "sop_on" if vals["sop_managed"] else "sop_off",
                    partners=group,
                    from_user=None if vals["sop_managed"] else owner,
                    to_user=owner if vals["sop_managed"] else None,
                )
        if RECYCLE_DEPENDS & set(vals):
            self._sop_update_recycle_date()
        return res

    def unlink(self):
        """Nothing is lost: a customer with pool history is archived, not deleted (the partner
        merge wizard moves the history to the kept customer first, so merging still works)."""
        self.check_access("unlink")  # who may not delete at all is told so first
        self.env["sop.pool.history"].flush_model(["partner_id"])
        self.env.cr.execute(
            "SELECT DISTINCT partner_id FROM sop_pool_history WHERE partner_id = ANY(%s)", [self.ids]
        )
        kept = self.browse(row[0] for row in self.env.cr.fetchall())
        if kept:
            raise UserError(
                self.env._(
                    "%(names)s has a pool history and cannot be deleted: archive it instead.",
                    names=", ".join(kept[:5].mapped("display_name")),
                )
            )
        return super().unlink()

    def _sop_check_may_toggle_sop(self, vals):
        """Taking an existing company into or out of the SOP changes its pools, its duplicate
        check and its owner's capacity: only managers do it. An individual that becomes a
        company is a new entry (res_partner_entry), which a rep may make. Either way the new
        owner's capacity counts."""
        managed = bool(vals["sop_managed"])
        becomes_company = vals.get("company_type") == "company" or bool(vals.get("is_company"))
        entries = self.filtered(lambda p: managed and becomes_company and not p.is_company)
        others = self - entries
        if others and not (self.env.su or self.env.user.has_group("sales_lead_sop.group_sop_manager")):
            raise UserError(
                self.env._(
                    "Only a manager takes an existing customer into or out of the SOP (%(names)s).",
                    names=", ".join(others[:5].mapped("display_name")),
                )
            )
        if managed:
            if "user_id" in vals:
                self._sop_check_capacity(self.env["res.users"].browse(vals["user_id"]), len(self))
            else:
                for owner, group in self.grouped("user_id").items():
                    self._sop_check_capacity(owner, len(group))

    def _sop_check_may_archive(self):
        """An archived customer leaves the pools and the duplicate check, so only a manager archives
        or restores one; a rep who no longer works a customer releases it."""
        if self.env.su or self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            return
        customers = self.filtered(lambda p: p.sop_managed and not p.parent_id)
        if customers:
            raise UserError(
                self.env._(
                    "Only a manager archives or restores an SOP customer (%(names)s). "
                    "Release it to the public pool instead.",
                    names=", ".join(customers[:5].mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # ACTIONS (public RPC API, see interface.md)
    # ------------------------------------------------------------------

    def sop_claim(self):
        """Take the customers in `self` from the public pool into the caller's private pool (挑入).

        First come, first served: the owner is set by one conditional UPDATE
        (``WHERE user_id IS NULL``), so of several reps claiming at once exactly one wins;
        the others get a UserError naming the winner (their request is retried by Odoo
        after the serialization failure and then sees the new owner).

        Refused with a UserError, changing nothing, when a customer is not public any more,
        is inside the caller's cooldown, or the caller would exceed the daily claim limit or
        the private-pool capacity.

        :config: sales_lead_sop.capacity, sales_lead_sop.daily_claim_limit, sales_lead_sop.cooldown_days
        :return: True
        """
        # sudo: reps cannot read public customers in res.partner (claim fields only, SOP §1);
        # what they may claim is checked below: still public, and in their public pools.
        partners = self.sudo()._sop_check_managed()
        user = self.env.user
        partners.invalidate_recordset(["user_id"])
        for partner in partners:
            if partner.user_id:
                raise UserError(self._sop_taken_message(partner))
        partners._sop_check_claimable()
        partners._sop_check_cooldown(user)
        self._sop_lock_owner(user)
        partners._sop_check_daily_limit(user)
        self._sop_check_capacity(user, len(partners))
        partners._sop_move(user, "claim", only_public=True)
        return True

    def sop_release(self, reason):
        """Give the customers in `self` back to the public pool (放弃/开出).

        :param reason: why (a reason of the configured list and/or free text); required
        Only the owner (or a sales administrator) may release; the cooldown of the owner starts.
        :return: True
        """
        partners = self._sop_check_managed()
        # RPC may send any JSON; PostgreSQL refuses NUL characters in text
        reason = reason.replace("\x00", "").strip() if isinstance(reason, str) else ""
        if not reason:
            raise UserError(self.env._("Say why you release these customers to the public pool."))
        user = self.env.user
        is_admin = user.has_group("sales_team.group_sale_manager")
        partners.check_access("read")
        for partner in partners:
            if not partner.user_id:
                raise UserError(
                    self.env._("Customer %(name)s is already in the public pool.", name=partner.display_name)
                )
            if partner.user_id != user and not is_admin:
                raise UserError(
                    self.env._(
                        "Customer %(name)s belongs to %(owner)s: only its owner can release it.",
                        name=partner.display_name,
                        owner=partner.user_id.name,
                    )
                )
        partners._sop_move(self.env["res.users"], "release", reason=reason)
        return True

    def sop_assign(self, user, reason=False, override_capacity=False):
        """Assign (or reassign) the customers in `self` to `user` (分配), for team managers.

        A manager assigns within the teams they lead (the target rep and any current owner
        must be members); a sales administrator anywhere. The target's capacity is respected
        unless `override_capacity` is set, which requires a `reason`.

        :param user: res.users record or id of the new owner
        :return: True
        """
        if not self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            raise UserError(self.env._("Only team managers can assign customers."))
        # sudo: managers cannot read public customers in res.partner (claim fields only);
        # the current owners must be in teams the caller leads (_sop_check_team_manager).
        partners = self.sudo()._sop_check_managed()
        user = self.env["res.users"].browse(user) if isinstance(user, int) else user
        if not user:
            raise UserError(self.env._("Choose the salesperson to assign the customers to."))
        self._sop_check_team_manager(user | partners.user_id)
        moving = partners.filtered(lambda p: p.user_id != user)
        if override_capacity:
            if not (reason or "").strip():
                raise UserError(self.env._("Give a reason to assign beyond the capacity of the salesperson."))
        else:
            self._sop_check_capacity(user, len(moving))
        moving._sop_move(user, "assign", reason=reason)
        return True

    def action_sop_claim(self):
        """Button: claim, then tell the rep it worked (used on forms, kanban cards and lists)."""
        self.sop_claim()
        # reload the kanban/list/form so the claimed cards show their new owner
        return self._sop_claim_notification({"type": "ir.actions.client", "tag": "soft_reload"})

    def _sop_claim_notification(self, next_action):
        """Success notification of a claim of `self`, naming the customers and the places left
        in the caller's private pool, then `next_action`."""
        user = self.env.user
        capacity = self._sop_param("capacity")
        left = max(capacity - self._sop_owned_count(user), 0)
        if len(self) == 1:
            message = self.env._(
                "%(name)s is now in your private pool. %(left)s of %(capacity)s places left.",
                name=self.display_name,
                left=left,
                capacity=capacity,
            )
        else:
            message = self.env._(
                "%(count)s customers are now in your private pool: %(names)s. "
                "%(left)s of %(capacity)s places left.",
                count=len(self),
                names=", ".join(self[:5].mapped("display_name")) + (", ..." if len(self) > 5 else ""),
                left=left,
                capacity=capacity,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Claimed"),
                "message": message,
                "next": next_action,
            },
        }

    def action_sop_release(self):
        """Button: open the release wizard for these customers (a dialog over a list, a page
        from one customer's form, which the rep may not read any more once it is released)."""
        if len(self) == 1:
            view = self.env.ref("sales_lead_sop.sop_partner_release_view_form_page")
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Release to Public Pool"),
                "res_model": "sop.partner.release",
                "views": [(view.id, "form")],
                "target": "current",
                "context": {"default_partner_ids": self.ids, "default_open_customers_after": True},
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Release to Public Pool"),
            "res_model": "sop.partner.release",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def action_sop_assign(self):
        """Button: open the assign wizard for these customers."""
        return {
            "type": "ir.actions.act_window",
            "res_model": "sop.partner.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def action_sop_request_claim(self):
        """Button: file a claim request (申请挑入) for this customer held by someone else."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sop.claim.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def action_sop_undo_recycle(self):
        """Button for managers: undo the last recycle of these customers."""
        self._sop_undo_recycle(self.env._("Recycle undone by %(user)s", user=self.env.user.name))
        return True

    # ------------------------------------------------------------------
    # BUSINESS: checks
    # ------------------------------------------------------------------

    def _sop_check_managed(self):
        partners = self.exists()
        if not partners:
            raise UserError(self.env._("Select at least one customer."))
        for partner in partners:
            if not partner.sop_managed:
                raise UserError(
                    self.env._("%(name)s is not a customer managed by the SOP.", name=partner.display_name)
                )
        return partners

    @api.model
    def _sop_param(self, key):
        """Integer pool setting `sales_lead_sop.<key>` with its spec default (see sop.settings)."""
        return self.env["sop.settings"]._get_int(key)

    @api.model
    def _sop_owned_count(self, user):
        # SQL count over the partial owner index; independent of record rules on purpose:
        # capacity counts every customer the rep holds.
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM res_partner WHERE user_id = %s AND sop_managed AND active",
                user.id,
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _sop_lock_owner(self, user):
        """Serialize the moves towards `user` that check its capacity or daily limit.

        Two claims by one rep at capacity - 1 would otherwise both count 299 and both win.
        A lock alone is not enough under REPEATABLE READ (the waiting transaction keeps its
        old snapshot), so the rep's row is rewritten unchanged: a concurrent transaction that
        touches it after this one commits gets a serialization failure, and Odoo retries its
        request with a fresh snapshot that counts the customer just taken.
        """
        self.env.cr.execute(SQL("UPDATE res_users SET write_date = write_date WHERE id = %s", user.id))

    @api.model
    def _sop_check_capacity(self, user, adding):
        """Refuse when `user` would hold more private customers than the capacity."""
        if not adding or not user:
            return
        self._sop_lock_owner(user)
        capacity = self._sop_param("capacity")
        owned = self._sop_owned_count(user)
        if owned + adding > capacity:
            raise UserError(
                self.env._(
                    "%(user)s holds %(owned)s private customers; adding %(adding)s would exceed the "
                    "capacity of %(capacity)s. Release customers first.",
                    user=user.name,
                    owned=owned,
                    adding=adding,
                    capacity=capacity,
                )
            )

    def _sop_check_daily_limit(self, user):
        limit = self._sop_param("daily_claim_limit")
        if not limit:
            return
        tz = pytz.timezone(user.tz or "UTC")
        today = fields.Date.context_today(self.with_user(user))
        start = tz.localize(datetime.combine(today, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        claimed = (
            self.env["sop.pool.history"]
            .sudo()
            .search_count([("action", "=", "claim"), ("to_user_id", "=", user.id), ("date", ">=", start)])
        )
        if claimed + len(self) > limit:
            raise UserError(
                self.env._(
                    "You have claimed %(claimed)s customers today; the daily limit is %(limit)s.",
                    claimed=claimed,
                    limit=limit,
                )
            )

    def _sop_check_cooldown(self, user):
        days = self._sop_param("cooldown_days")
        if not days:
            return
        since = fields.Datetime.now() - timedelta(days=days)
        # SQL over the history's partner index: an ORM search ordered by date walks the date
        # index through every move of the window (100k after a recycling run). Not subject to
        # record rules on purpose: reps may not read every history row, but their own
        # cooldown must always apply.
        self.env["sop.pool.history"].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT partner_id, max(date) FROM sop_pool_history
                    WHERE partner_id IN %s AND from_user_id = %s
                      AND action IN ('release', 'recycle') AND date > %s
                    GROUP BY partner_id ORDER BY partner_id LIMIT 1""",
                tuple(self.ids),
                user.id,
                since,
            )
        )
        row = self.env.cr.fetchone()
        if row:
            partner_id, left = row
            raise UserError(
                self.env._(
                    "Customer %(name)s left your private pool on %(left)s: you can claim it again "
                    "after %(until)s.",
                    name=self.browse(partner_id).display_name,
                    left=fields.Datetime.to_string(left),
                    until=fields.Datetime.to_string(left + timedelta(days=days)),
                )
            )

    def _sop_check_claimable(self):
        """Refuse public customers outside the caller's public pools (sop.public.pool)."""
        visible = self.env["sop.public.customer"].with_user(self.env.uid).search([("id", "in", self.ids)])
        outside = self.filtered(lambda p: p.id not in visible.ids)
        if outside:
            raise UserError(
                self.env._(
                    "Customer %(name)s is not in a public pool you belong to.", name=outside[0].display_name
                )
            )

    @api.model
    def _sop_check_team_manager(self, users):
        """Refuse unless every user in `users` is a member of a team the caller leads."""
        if self.env.user.has_group("sales_team.group_sale_manager"):
            return
        teams = self.env["crm.team"].sudo().search([("user_id", "=", self.env.uid)])
        allowed = teams.member_ids | teams.user_id
        outside = users - allowed
        if outside:
            raise UserError(
                self.env._(
                    "%(user)s is not in a team you lead: ask their manager or a sales administrator.",
                    user=outside[0].name,
                )
            )

    def _sop_taken_message(self, partner):
        owner = partner.sudo().user_id  # sudo: the loser may not read the winner's user record
        if owner == self.env.user:
            return self.env._("Customer %(name)s is already yours.", name=partner.display_name)
        return self.env._(
            "Customer %(name)s is no longer in the public pool: %(owner)s was faster.",
            name=partner.display_name,
            owner=owner.name or self.env._("another salesperson"),
        )

    # ------------------------------------------------------------------
    # BUSINESS: moves
    # ------------------------------------------------------------------

    def _sop_move(self, to_user, action, reason=False, only_public=False):
        """Move `self` to `to_user` (empty = public pool) and log one history row each.

        One UPDATE sets the owner; with `only_public` it only takes customers that are still
        public, and raises (rolling back) when another transaction was faster.
        Written in SQL because reps have no write access on customers they do not hold; the
        callers have checked the business rights.
        """
        if not self:
            return self
        now = fields.Datetime.now()
        origins = {partner.id: partner.user_id.id for partner in self}
        condition = SQL("AND user_id IS NULL") if only_public else SQL()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner
                      SET user_id = %(owner)s, sop_pool_state = %(state)s, sop_owner_date = %(since)s,
                          sop_recycle_warned_date = NULL, write_uid = %(uid)s, write_date = %(now)s
                    WHERE id IN %(ids)s AND sop_managed %(condition)s
                RETURNING id""",
                owner=to_user.id or None,
                state="private" if to_user else "public",
                since=now if to_user else None,
                uid=self.env.uid,
                now=now,
                ids=tuple(self.ids),
                condition=condition,
            )
        )
        moved_ids = {row[0] for row in self.env.cr.fetchall()}
        self.invalidate_recordset(["user_id", "sop_pool_state", "sop_owner_date", "sop_recycle_warned_date"])
        self._sop_sync_commercial_scope(moved_ids)  # contacts follow their company (record rules)
        if len(moved_ids) != len(self):
            lost = self.filtered(lambda p: p.id not in moved_ids)[:1]
            raise UserError(self._sop_taken_message(lost))
        self.env["sop.pool.history"]._log(
            action, partners=self, from_user=origins, to_user=to_user or None, reason=reason
        )
        self._sop_update_recycle_date()
        return self

    def _sop_undo_recycle(self, reason, run=None, strict=True):
        """Return recycled customers to their former owners (manager action).

        Only the last recycle of each customer counts, within the undo window, while the
        customer is still public and the former owner has room.

        :param run: limit to the recycles of this sop.recycle.run
        :param strict: raise on the first customer that cannot come back (else skip it)
        :return: (restored partners, skipped partners)
        :config: sales_lead_sop.recycle_undo_days, sales_lead_sop.capacity
        """
        if not self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            raise UserError(self.env._("Only managers can undo a recycle."))
        since = fields.Datetime.now() - timedelta(days=self._sop_param("recycle_undo_days"))
        History = self.env["sop.pool.history"].sudo()  # sudo: managers read history beyond their rules
        # sudo: recycled customers are public, which managers cannot read in res.partner (claim
        # fields only); the former owners must be in teams the caller leads (checked below)
        partners = self.sudo()
        restored = skipped = partners.browse()
        by_owner = {}
        for partner in partners:
            last = History.search(
                [
                    ("partner_id", "=", partner.id),
                    ("action", "in", ("recycle", "claim", "assign", "release")),
                ],
                order="date desc, id desc",
                limit=1,
            )
            problem = False
            if not last or last.action != "recycle" or (run and last.recycle_run_id != run):
                problem = self.env._("Customer %(name)s has no recycle to undo.", name=partner.display_name)
            elif last.date < since:
                problem = self.env._(
                    "The recycle of %(name)s is older than the undo window.", name=partner.display_name
                )
            elif partner.user_id:
                problem = self._sop_taken_message(partner)
            if problem:
                if strict:
                    raise UserError(problem)
                skipped |= partner
                continue
            by_owner.setdefault(last.from_user_id, partners.browse())
            by_owner[last.from_user_id] |= partner
        for owner, group in by_owner.items():
            self._sop_check_team_manager(owner)
            try:
                self._sop_check_capacity(owner, len(group))
            except UserError:
                if strict:
                    raise
                skipped |= group
                continue
            group._sop_move(owner, "assign", reason=reason, only_public=True)
            restored |= group
        return restored, skipped
