from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.mail import parse_contact_from_email

LEAD_TYPES = [("invalid", "Invalid"), ("target", "Target Customer"), ("to_verify", "To Verify")]
INTENTS = [("potential", "Potential Interest"), ("clear", "Clear Interest"), ("high", "High Interest")]
RATINGS = [("A", "A"), ("B", "B"), ("C", "C")]
CRITERIA_SCORES = [("1", "Low"), ("2", "Medium"), ("3", "High")]


class CrmLead(models.Model):
    """SOP side of leads and opportunities: type, intent, rating, deadlines and contact."""

    _inherit = "crm.lead"

    sop_lead_type = fields.Selection(LEAD_TYPES, string="Lead Type", tracking=True, index="btree_not_null")
    sop_invalid_reason_id = fields.Many2one(
        "sop.lead.invalid.reason", string="Invalid Reason", tracking=True, ondelete="restrict"
    )
    sop_next_followup_date = fields.Date(
        string="Next Follow-up Date", help="When a lead to verify is followed up again."
    )
    sop_bulk_mailing = fields.Boolean(
        string="Bulk Mailing", help="Lead to verify that may receive the bulk-mailing campaigns."
    )
    sop_intent = fields.Selection(INTENTS, string="Intent Level", tracking=True)
    sop_need_fit = fields.Selection(CRITERIA_SCORES, string="Need Fit")
    sop_budget = fields.Selection(CRITERIA_SCORES, string="Budget")
    sop_decision_cycle = fields.Selection(
        CRITERIA_SCORES, string="Decision Cycle", help="High means a short, clear decision cycle."
    )
    sop_rating = fields.Selection(
        RATINGS,
        string="Lead Rating",
        compute="_compute_sop_rating",
        store=True,
        readonly=False,
        help="Computed from need fit, budget and decision cycle with the weights of the Settings.",
    )
    sop_received_date = fields.Datetime(
        string="Received On",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        help="Arrival of the inquiry: start of the processing deadline.",
    )
    sop_assign_date = fields.Datetime(
        string="Assigned On",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Last time the lead got its current owner.",
    )
    sop_notify_pending = fields.Boolean(
        readonly=True, copy=False, index="btree_not_null", help="Assigned by rule, owner not told yet."
    )
    sop_deadline = fields.Datetime(
        string="SOP Deadline",
        compute="_compute_sop_deadline",
        store=True,
        index="btree_not_null",
        help="Next deadline of the SOP: processing an Alibaba inquiry, first contact after "
        "assignment, the next follow-up by intent level or in a key stage, or the after-sales "
        "visit of a won deal (periods and their units in Settings).",
    )
    sop_is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_sop_is_overdue", search="_search_sop_is_overdue"
    )
    sop_last_contact_date = fields.Datetime(string="Last Contact", readonly=True, copy=False)
    sop_qualified_date = fields.Datetime(
        string="Qualified On",
        readonly=True,
        copy=False,
        help="When the lead was typed a target customer: start of the customer-entry deadline.",
    )
    sop_is_sop_stage = fields.Boolean(related="stage_id.sop_pipeline")
    sop_use_pipeline = fields.Boolean(related="team_id.sop_use_pipeline")
    sop_pi_number = fields.Char(string="PI Number", tracking=True, copy=False)
    sop_order_amount = fields.Monetary(string="Order Amount", currency_field="company_currency", copy=False)
    sop_order_date = fields.Date(string="Order Date", copy=False)

    # ------------------------------------------------------------
    # CONFIGURATION
    # ------------------------------------------------------------

    @api.model
    def _sop_param(self, key):
        """Integer setting ``sales_lead_sop.<key>`` with its spec default (see sop.settings)."""
        return self.env["sop.settings"]._get_int(key)

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("sop_need_fit", "sop_budget", "sop_decision_cycle")
    def _compute_sop_rating(self):
        weights = {
            "sop_need_fit": self._sop_param("rating_weight_need"),
            "sop_budget": self._sop_param("rating_weight_budget"),
            "sop_decision_cycle": self._sop_param("rating_weight_cycle"),
        }
        total = sum(weights.values()) or 1
        threshold_a = self._sop_param("rating_threshold_a")
        threshold_b = self._sop_param("rating_threshold_b")
        for lead in self:
            if not any(lead[fname] for fname in weights):
                continue
            # each criterion scores 0 (low), 50 (medium) or 100 (high) points
            score = sum(w * (int(lead[fname] or "1") - 1) * 50 for fname, w in weights.items()) / total
            lead.sop_rating = "A" if score >= threshold_a else "B" if score >= threshold_b else "C"

    @api.depends(
        "active",
        "source_id",
        "sop_received_date",
        "sop_lead_type",
        "sop_intent",
        "sop_next_followup_date",
        "sop_assign_date",
        "sop_last_contact_date",
        "sop_qualified_date",
        "sop_first_contact_date",
        "sop_aftersales_deadline",
        "sop_aftersales_state",
        # not date_last_stage_update: stage_id decides it, and a dependency on it would compute
        # the deadline twice on each stage change (once for the stage, once for its date)
        "stage_id.sop_key_stage",
        "partner_id",
        "user_id",
        "stage_id",
        "company_id",
        "team_id",
    )
    def _compute_sop_deadline(self):
        # SOP deadlines apply to leads of SOP teams and to leads not yet given to a team;
        # other teams' leads cost nothing here (Odoo's own flows keep their query counts).
        sop_leads = self.filtered(lambda lead: not lead.team_id or lead.team_id.sop_use_pipeline)
        (self - sop_leads).sop_deadline = False
        if not sop_leads:
            return
        alibaba = self.env.ref("sales_lead_sop.utm_source_alibaba", raise_if_not_found=False)
        cadence = {intent: self._sop_period(intent) for intent in ("potential", "clear", "high")}
        # planning depends only on (calendar, local day, days): share it across the batch
        sop_leads = sop_leads.with_context(sop_plan_cache={})
        for lead in sop_leads:
            if lead.active and lead.stage_id.is_won and lead.sop_aftersales_state == "pending":
                # a won deal's only deadline: the after-sales visit (001 step 6)
                lead.sop_deadline = lead.sop_aftersales_deadline
                continue
            if not lead.active or lead.sop_lead_type == "invalid" or lead.stage_id.is_won:
                lead.sop_deadline = False
                continue
            candidates = []
            if alibaba and lead.source_id == alibaba and not lead.sop_lead_type:
                arrival = lead.sop_received_date or lead.create_date or fields.Datetime.now()
                candidates.append(
                    lead._sop_add_working_days(arrival, self._sop_param("alibaba_processing_working_days"))
                )
            # only a contact by our side is the first contact: an email from the customer is not
            if lead.user_id and lead.sop_assign_date and not lead.sop_first_contact_date:
                candidates.append(
                    lead._sop_add_working_days(lead.sop_assign_date, self._sop_param("first_contact_days"))
                )
            if lead.sop_last_contact_date:
                days, unit = cadence[lead.sop_intent or "potential"]
                candidates.append(lead._sop_add_period(lead.sop_last_contact_date, days, unit))
            key_stage = lead._sop_key_stage_deadline()
            if key_stage:
                candidates.append(key_stage)
            if lead.sop_lead_type == "target" and lead.sop_qualified_date and not lead.partner_id:
                # a target customer is entered (converted) within N working days (SOP.md §3)
                candidates.append(
                    lead._sop_add_working_days(
                        lead.sop_qualified_date, self._sop_param("customer_entry_working_days")
                    )
                )
            if lead.sop_lead_type == "to_verify" and lead.sop_next_followup_date:
                candidates.append(datetime.combine(lead.sop_next_followup_date, time(23, 59, 59)))
            lead.sop_deadline = min(candidates) if candidates else False

    def _compute_sop_is_overdue(self):
        now = fields.Datetime.now()
        for lead in self:
            lead.sop_is_overdue = bool(lead.sop_deadline and lead.sop_deadline < now)

    def _search_sop_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        overdue = (operator == "=") == value
        now = fields.Datetime.now()
        if overdue:
            return [("sop_deadline", "<", now)]
        return ["|", ("sop_deadline", "=", False), ("sop_deadline", ">=", now)]

    def _sop_add_working_days(self, start, days):
        """End of the `days`-th working day after the day of `start` (that day itself is not
        counted), in the working calendar of the lead's company, public holidays included.
        Falls back to calendar days when the company has no working calendar."""
        self.ensure_one()
        calendar = (self.company_id or self.env.company).resource_calendar_id
        if not calendar or days <= 0:
            return start + timedelta(days=max(days, 0))
        tz = pytz.timezone(calendar.tz or "UTC")
        local_day = pytz.utc.localize(start).astimezone(tz).date() + timedelta(days=1)
        cache = self.env.context.get("sop_plan_cache")
        key = (calendar.id, local_day, days)
        if cache is not None and key in cache:
            planned = cache[key]
        else:
            planned = calendar.plan_days(
                days, tz.localize(datetime.combine(local_day, time.min)), compute_leaves=True
            )
            if cache is not None:
                cache[key] = planned
        if not planned:
            return start + timedelta(days=days)
        return planned.astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("sop_lead_type", "sop_invalid_reason_id")
    def _check_sop_invalid_reason(self):
        for lead in self:
            if lead.sop_lead_type == "invalid" and not lead.sop_invalid_reason_id:
                raise ValidationError(
                    self.env._("Lead %(name)s: an invalid lead needs a reason.", name=lead.name)
                )

    @api.constrains("stage_id", "expected_revenue", "type")
    def _check_sop_expected_amount(self):
        for lead in self:
            if lead.type == "opportunity" and lead.stage_id.sop_amount_required and not lead.expected_revenue:
                raise ValidationError(
                    self.env._(
                        "Opportunity %(name)s: the expected amount is required from stage %(stage)s on.",
                        name=lead.name,
                        stage=lead.stage_id.name,
                    )
                )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        vals_list = [dict(vals) for vals in vals_list]
        # An imported row without a salesperson is an inquiry like any other: the lead pools
        # route it first, and only a row no pool takes falls back to the importing user.
        importing = self.env.context.get("import_file")
        default_owner = []
        for index, vals in enumerate(vals_list):
            self._sop_check_contact_date(vals)
            self._sop_prepare_triage_vals(vals)
            if importing and "user_id" not in vals:
                vals["user_id"] = False
                default_owner.append(index)
            if vals.get("user_id"):
                vals.setdefault("sop_assign_date", now)
        leads = super().create(vals_list)
        routed = leads.filtered(lambda lead: not lead.user_id and lead.active)._sop_route_to_pool()
        unrouted = self.browse([leads[index].id for index in default_owner]) - routed
        if unrouted:
            unrouted.write({"user_id": self.env.user.id})
        return leads

    def write(self, vals):
        vals = dict(vals)
        self._sop_check_contact_date(vals)
        self._sop_prepare_triage_vals(vals)
        if "user_id" in vals:
            vals["sop_assign_date"] = fields.Datetime.now() if vals["user_id"] else False
            # A rep is told of every lead given to them, also by the assignment rules that
            # plain Odoo runs silently: those are notified right after, by a triggered job.
            if vals["user_id"] and self.env.context.get("sop_notify_assignment"):
                vals["sop_notify_pending"] = True
        return super().write(vals)

    def _sop_check_contact_date(self, vals):
        """The last contact drives the lead's deadlines and recycling: only logged contacts set it."""
        if "sop_last_contact_date" in vals and not self.env.su:
            raise UserError(self.env._("The last contact is set by the system: log a follow-up instead."))

    def _sop_prepare_triage_vals(self, vals):
        """Triage side effects in `vals`: a target customer starts its entry deadline; an invalid
        lead leaves the list (archived, never deleted); a lead to verify always gets a next
        follow-up date."""
        if vals.get("sop_lead_type") == "target":
            vals.setdefault("sop_qualified_date", fields.Datetime.now())
        if vals.get("sop_lead_type") == "invalid":
            vals["active"] = False
        elif vals.get("sop_lead_type") == "to_verify" and not vals.get("sop_next_followup_date"):
            if not any(lead.sop_next_followup_date for lead in self):
                vals["sop_next_followup_date"] = fields.Date.context_today(self) + timedelta(
                    days=self._sop_param("cadence_potential_days")
                )

    # ------------------------------------------------------------
    # CONTACT
    # ------------------------------------------------------------

    def _sop_register_contact(self, when):
        """Record a real contact at `when` on these leads; only moves the date forward."""
        for lead in self:
            if not lead.sop_last_contact_date or lead.sop_last_contact_date < when:
                # sudo: the last contact is written only here, from a contact that was made
                lead.sudo().sop_last_contact_date = when

    def action_sop_log_followup(self):
        """Open the follow-up form for this lead or opportunity (button, mobile friendly)."""
        self.ensure_one()
        return self.env["sop.followup"]._sop_action_log(
            lead=self, partner=self.partner_id.commercial_partner_id
        )

    def action_sop_mark_invalid(self):
        """Open the triage dialog that marks these leads invalid with a reason."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mark as Invalid"),
            "res_model": "sop.lead.invalid.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_ids": self.ids},
        }

    def action_sop_convert(self):
        """Open the conversion wizard (customer and optional opportunity in one step)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Convert to Customer"),
            "res_model": "sop.lead.convert",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Keep the inquiry text on leads created by an SOP channel alias."""
        custom_values = dict(custom_values or {})
        if custom_values.get("source_id"):
            if msg_dict.get("body"):
                custom_values.setdefault("description", msg_dict["body"])
            # the sender is the contact of the inquiry, even when not yet a known partner
            contact_name = parse_contact_from_email(msg_dict.get("email_from") or "")[0]
            if contact_name and not msg_dict.get("author_id"):
                custom_values.setdefault("contact_name", contact_name)
        lead = super().message_new(msg_dict, custom_values=custom_values)
        # the gateway posts the inquiry on the lead returned here: that email is the arrival
        # the deadlines count from, not a contact that would meet the first-contact deadline
        return lead.with_context(sop_inquiry_arrival=True)

    def _sop_move_history_to(self, customer):
        """Move the chatter (messages, not tracking) and attachments of this lead to
        `customer`, which continues the relationship when no opportunity is created."""
        self.ensure_one()
        # sudo: rewriting res_id of the lead's messages/attachments is a system move of history
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [("model", "=", "crm.lead"), ("res_id", "=", self.id), ("message_type", "!=", "notification")]
            )
        )
        messages.write({"model": "res.partner", "res_id": customer.id})
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "crm.lead"), ("res_id", "=", self.id)])
        )
        attachments.write({"res_model": "res.partner", "res_id": customer.id})
        customer.message_post(
            body=self.env._("Converted from lead %(name)s.", name=self.name),
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def get_import_templates(self):
        """Offer the SOP lead template (source, type, intent, rating criteria) on import."""
        return [
            {
                "label": self.env._("Import Template for SOP Leads"),
                "template": "/sales_lead_sop/static/xls/sop_lead_import_template.csv",
            }
        ] + super().get_import_templates()

    @api.model
    def _cron_sop_notify_assignments(self):
        """Tell each rep of the leads the assignment rules gave them ("assigned to you" mail,
        as for a manual assignment), in batches; re-runnable (pending flag).

        :config: sales_lead_sop.lead_recycle_batch (batch size, 500)
        """
        batch = self._sop_param("lead_recycle_batch")
        leads = self.search([("sop_notify_pending", "=", True)], limit=batch)
        for lead in leads.filtered("user_id"):
            lead._message_auto_subscribe_notify(lead.user_id.partner_id.ids, "mail.message_user_assigned")
        leads.write({"sop_notify_pending": False})
        if len(leads) == batch:
            self.env.ref("sales_lead_sop.ir_cron_sop_notify_assignments")._trigger()
        return len(leads)
