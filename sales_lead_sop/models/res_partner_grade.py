from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .res_partner import GRADES

POTENTIAL = [
    ("1", "1 - Scattered"),
    ("2", "2 - Small"),
    ("3", "3 - SME with potential"),
    ("4", "4 - Regional leader"),
    ("5", "5 - Industry leader"),
]
# Grade a potential score alone justifies (SOP.md section 7, "potential" column).
GRADE_BY_POTENTIAL = {"5": "A", "4": "B", "3": "C", "2": "D", "1": "D"}


class ResPartner(models.Model):
    """Customer grade (客户级别) A/B/C/D: suggested from the trailing-12-month won amount and a
    potential score, approved by a manager, reviewed every quarter."""

    _inherit = "res.partner"

    sop_grade = fields.Selection(GRADES, string="Grade", tracking=True, index="btree_not_null")
    sop_potential = fields.Selection(POTENTIAL, string="Potential Score", tracking=True)
    sop_won_amount_12m = fields.Monetary(
        string="Won (12 months)",
        compute="_compute_sop_grade_suggested",
        currency_field="sop_company_currency_id",
        help="Won opportunities of the last twelve months, in the company currency.",
    )
    sop_company_currency_id = fields.Many2one("res.currency", compute="_compute_sop_company_currency_id")
    sop_grade_suggested = fields.Selection(
        GRADES, string="Suggested Grade", compute="_compute_sop_grade_suggested"
    )

    def _compute_sop_company_currency_id(self):
        self.sop_company_currency_id = self.env.company.currency_id

    @api.depends("sop_potential")
    def _compute_sop_grade_suggested(self):
        amounts = self._sop_won_amounts_12m()
        for partner in self:
            partner.sop_won_amount_12m = amounts.get(partner.commercial_partner_id.id, 0.0)
            partner.sop_grade_suggested = (
                self._sop_suggest_grade(partner.sop_won_amount_12m, partner.sop_potential)
                if partner.sop_managed
                else False
            )

    def _sop_won_amounts_12m(self):
        """{commercial partner id: won amount of the last 12 months} with one grouped query.

        Read as superuser: a rep grading their customer needs the total of all its won deals,
        and only that aggregate leaves this method.
        """
        partner_ids = self.commercial_partner_id.ids
        if not partner_ids:
            return {}
        since = fields.Datetime.now() - relativedelta(months=12)
        groups = (
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", partner_ids),
                    ("stage_id.is_won", "=", True),
                    ("date_closed", ">=", since),
                ],
                ["partner_id"],
                ["expected_revenue:sum"],
            )
        )
        result = {}
        for partner, amount in groups:
            commercial = partner.commercial_partner_id.id
            result[commercial] = result.get(commercial, 0.0) + amount
        return result

    @api.model
    def _sop_grade_thresholds(self):
        """(A, B, C) minimum yearly purchases in company currency.

        :config sales_lead_sop.grade_a_amount: default 500000
        :config sales_lead_sop.grade_b_amount: default 200000
        :config sales_lead_sop.grade_c_amount: default 50000
        """
        get = self.env["sop.settings"]._get_float
        return get("grade_a_amount"), get("grade_b_amount"), get("grade_c_amount")

    @api.model
    def _sop_suggest_grade(self, amount, potential):
        """The better of the grade the purchases earn and the grade the potential earns."""
        a_min, b_min, c_min = self._sop_grade_thresholds()
        by_amount = "A" if amount >= a_min else "B" if amount >= b_min else "C" if amount >= c_min else "D"
        by_potential = GRADE_BY_POTENTIAL.get(potential or "1", "D")
        return min(by_amount, by_potential)  # "A" < "B" < ...: the better grade

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("sop_grade") for vals in vals_list):
            self._sop_check_grader()
        return super().create(vals_list)

    def write(self, vals):
        if "sop_grade" in vals:
            self._sop_check_grader()
        return super().write(vals)

    def _sop_check_grader(self):
        if not self.env.su and not self.env.user.has_group("sales_lead_sop.group_sop_manager"):
            raise AccessError(self.env._("Only a sales manager can approve a customer grade."))

    def action_sop_approve_grade(self):
        """Set each customer's grade to its suggestion (managers only)."""
        self._sop_check_grader()
        for partner in self.filtered("sop_managed"):
            if partner.sop_grade_suggested and partner.sop_grade != partner.sop_grade_suggested:
                partner.sop_grade = partner.sop_grade_suggested
        return True

    @api.model
    def _cron_sop_grade_review(self):
        """Quarterly: give each team leader a to-do to review the grades of the team's customers."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        teams = self.env["crm.team"].search([("user_id", "!=", False)])
        for team in teams:
            already = team.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == activity_type and a.summary == self.env._("Quarterly grade review")
                )
            )
            if already:
                continue
            team.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                summary=self.env._("Quarterly grade review"),
                note=self.env._("Review the suggested grades of your team's customers and approve them."),
                user_id=team.user_id.id,
            )
