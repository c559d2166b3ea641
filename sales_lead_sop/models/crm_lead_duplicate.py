from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.module_loading import loading_module_data

DUPLICATE_STATES = [("customer", "Existing Customer"), ("lead", "Duplicate Lead")]


class CrmLead(models.Model):
    """Duplicate check on new SOP leads (SOP.md §5): a lead whose company, phone, email or
    website belongs to an existing SOP customer, or repeats another open lead, is flagged
    when created, with a note naming only the owner and the status."""

    _inherit = "crm.lead"

    sop_duplicate_state = fields.Selection(
        DUPLICATE_STATES,
        string="Duplicate",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Set when the lead was created: it matches an existing customer or another open lead.",
    )
    sop_duplicate_note = fields.Char(string="Duplicate Of", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        sop_leads = leads.filtered(lambda lead: lead._sop_is_sop_lead())
        if sop_leads and not loading_module_data(self.env):
            sop_leads._sop_flag_duplicates()
        return leads

    def _sop_is_sop_lead(self):
        """SOP leads: routed to an SOP lead pool, typed by the SOP, or of a team using the SOP."""
        self.ensure_one()
        return bool(
            (self._fields.get("sop_pool_id") and self.sop_pool_id)
            or self.sop_lead_type
            or self.team_id.sop_use_pipeline
        )

    def _sop_duplicate_vals(self):
        self.ensure_one()
        return {
            "name": self.partner_name,
            "phone": self.phone,
            "mobile": self.mobile,
            "email": self.email_from,
            "website": self.website,
            "country_id": self.country_id.id,
        }

    def _sop_flag_duplicates(self):
        """Flag these leads when they match SOP customers (any match kind) or other open leads
        (same email or phone); the note never holds the other record's data."""
        Partner = self.env["res.partner"]
        labels = Partner._sop_match_labels()
        for lead in self:
            vals = lead._sop_duplicate_vals()
            if lead.partner_id.commercial_partner_id.sop_managed:
                vals["name"] = False  # the lead already is this customer's: only other customers count
            owner = lead.user_id or self.env.user
            matches = Partner._sop_search_duplicates(
                Partner._sop_keys_from_vals(vals),
                exclude_ids=lead.partner_id.commercial_partner_id.ids,
                owner=owner,
            )
            notes = []
            for row in Partner._sop_describe_matches(matches, owner)[:3]:
                notes.append(Partner._sop_lead_note(row, labels))
            state = "customer" if notes else False
            others = lead._sop_duplicate_lead_count()
            if others:
                notes.append(
                    self.env._("%(count)s other open lead(s) with the same email or phone", count=others)
                )
                state = state or "lead"
            if state:
                lead.write({"sop_duplicate_state": state, "sop_duplicate_note": "; ".join(notes)[:250]})

    def _sop_duplicate_lead_count(self):
        """Other active leads with the same normalised email or sanitised phone (indexed)."""
        self.ensure_one()
        self.flush_recordset(["email_normalized", "phone_sanitized"])
        if not (self.email_normalized or self.phone_sanitized):
            return 0
        self.env.cr.execute(
            SQL(
                """SELECT count(*) FROM (
                       SELECT id FROM crm_lead
                        WHERE active AND id != %(id)s
                          AND (email_normalized = %(email)s OR phone_sanitized = %(phone)s)
                        LIMIT 100) dup""",
                id=self.id,
                email=self.email_normalized or None,
                phone=self.phone_sanitized or None,
            )
        )
        return self.env.cr.fetchone()[0]
