from odoo import fields, models

from .sop_settings import SOP_SETTING_DEFAULTS

POLICIES = [("block", "Block"), ("warn", "Warn"), ("allow", "Allow")]
POLICY_HELP = (
    "Block: refuse the entry (another rep's customer: apply to claim it; public pool: claim it; "
    "your own: open it). Warn: save it and note the possible duplicate. Allow: ignore."
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sop_duplicate_similarity = fields.Integer(
        string="Similar-Name Threshold (%)",
        config_parameter="sales_lead_sop.duplicate_similarity",
        default=SOP_SETTING_DEFAULTS["duplicate_similarity"],
        help="Trigram similarity of two company-name keys from which the names count as similar.",
    )
    sop_duplicate_match_limit = fields.Integer(
        string="Matches per Kind",
        config_parameter="sales_lead_sop.duplicate_match_limit",
        default=SOP_SETTING_DEFAULTS["duplicate_match_limit"],
        help="At most this many customers are reported per kind of match (a name shared by hundreds "
        "of customers needs no more to decide).",
    )
    sop_duplicate_similar_keys = fields.Integer(
        string="Similar Names Compared",
        config_parameter="sales_lead_sop.duplicate_similar_keys",
        default=SOP_SETTING_DEFAULTS["duplicate_similar_keys"],
        help="How many of the most similar distinct company-name keys the similar-name search looks at.",
    )
    sop_duplicate_key_batch_size = fields.Integer(
        string="Key Recompute Batch",
        config_parameter="sales_lead_sop.duplicate_key_batch_size",
        default=SOP_SETTING_DEFAULTS["duplicate_key_batch_size"],
        help="Customers per committed batch when the duplicate keys of all customers are recomputed "
        "(after a change of the company-name words).",
    )
    sop_duplicate_policy_name = fields.Selection(
        POLICIES,
        string="Same Company Name",
        config_parameter="sales_lead_sop.duplicate_policy_name",
        default=SOP_SETTING_DEFAULTS["duplicate_policy_name"],
        help=POLICY_HELP,
    )
    sop_duplicate_policy_phone = fields.Selection(
        POLICIES,
        string="Same Phone",
        config_parameter="sales_lead_sop.duplicate_policy_phone",
        default=SOP_SETTING_DEFAULTS["duplicate_policy_phone"],
        help=POLICY_HELP,
    )
    sop_duplicate_policy_email = fields.Selection(
        POLICIES,
        string="Same Email",
        config_parameter="sales_lead_sop.duplicate_policy_email",
        default=SOP_SETTING_DEFAULTS["duplicate_policy_email"],
        help=POLICY_HELP,
    )
    sop_duplicate_policy_email_domain = fields.Selection(
        POLICIES,
        string="Same Company Email Domain",
        config_parameter="sales_lead_sop.duplicate_policy_email_domain",
        default=SOP_SETTING_DEFAULTS["duplicate_policy_email_domain"],
        help=POLICY_HELP,
    )
    sop_duplicate_policy_website = fields.Selection(
        POLICIES,
        string="Same Website",
        config_parameter="sales_lead_sop.duplicate_policy_website",
        default=SOP_SETTING_DEFAULTS["duplicate_policy_website"],
        help=POLICY_HELP,
    )
    sop_duplicate_policy_similar_name = fields.Selection(
        POLICIES,
        string="Similar Company Name",
        config_parameter="sales_lead_sop.duplicate_policy_similar_name",
        default=SOP_SETTING_DEFAULTS["duplicate_policy_similar_name"],
        help=POLICY_HELP,
    )

    sop_phone_country_id = fields.Many2one(
        "res.country",
        string="Default Country for Phone Numbers",
        config_parameter="sales_lead_sop.phone_country_id",
        help="Phone numbers typed without +country prefix are read in the national format of the "
        "customer's country, else of this one (e.g. 021 5555 0199 is +86 21 5555 0199 for China). "
        "Empty: the company's country.",
    )

    def set_values(self):
        before = self.env["res.partner"]._sop_phone_country()
        super().set_values()
        if self.env["res.partner"]._sop_phone_country() != before:
            # The stored phone keys of customers without a country were read in the former
            # country: rebuild them all in the background (batched, resumable job).
            self.env["sop.partner.key"]._sop_schedule_rebuild()
