from odoo import api, models
from odoo.exceptions import UserError

from ..tools.duplicate_keys import fold_text
from .res_partner_duplicate import DuplicateMatch
from .sop_partner_key import NAME_KIND

KEYWORD_KIND = "keyword"
# Shorter keywords would match most customers: the search asks for two characters at least.
MIN_KEYWORD_LENGTH = 2


class ResPartner(models.Model):
    """Keyword search of the check before entry (撞单查询 by 字号): the customers whose
    company-name key contains what the rep typed (日东, 华强北, Topway), ranked."""

    _inherit = "res.partner"

    @api.model
    def _sop_fold_keyword(self, keyword):
        """The keyword as keys are written (folded, no spaces): 'Top Way' -> 'topway', 日東 -> 日东.

        :raise UserError: when fewer than MIN_KEYWORD_LENGTH characters remain
        """
        folded = "".join(fold_text(keyword or "").replace("(", " ").replace(")", " ").split())
        if len(folded) < MIN_KEYWORD_LENGTH:
            raise UserError(
                self.env._(
                    "Type at least %(count)s characters of the trade name to search by keyword.",
                    count=MIN_KEYWORD_LENGTH,
                )
            )
        return folded

    @api.model
    def _sop_search_keyword(self, keyword, owner=None):
        """Customers whose company-name key contains `keyword` (already folded), best first:
        keys starting with it, then the shortest keys; at most `duplicate_match_limit`.

        Two characters: one range of the bigram index, in rank order. Longer keywords: the
        range of their first two characters, filtered (ranked by where those two characters
        first occur).

        :return: list of `DuplicateMatch` (match ``keyword``, score: share of the key the
            keyword covers)
        :config: sales_lead_sop.duplicate_match_limit
        """
        limit = self._sop_duplicate_param("duplicate_match_limit")
        self.env["res.partner"].flush_model(["sop_managed", "active", "user_id", "sop_owner_date"])
        live = "EXISTS (SELECT 1 FROM sop_partner_key k WHERE k.kind = %(kind)s AND k.value = c.key)"
        if len(keyword) == MIN_KEYWORD_LENGTH:
            keys = f"""SELECT c.key, c.pos, c.len FROM sop_name_key_bigram c
                        WHERE c.bigram = %(keyword)s AND {live}
                        ORDER BY c.pos, c.len, c.key LIMIT %(limit)s"""
        else:
            # The index range of the first two characters, filtered: measured at 1M against the
            # trigram index of the distinct keys (`LIKE`, which reads and sorts every matching
            # key), 2-38 ms against 30-110 ms.
            keys = f"""SELECT c.key, c.pos, c.len FROM sop_name_key_bigram c
                        WHERE c.bigram = %(start)s AND c.key LIKE %(pattern)s AND {live}
                        ORDER BY c.pos, c.len, c.key LIMIT %(limit)s"""
        # Owners are read for the `limit` picked customers only, not for every customer of the
        # `limit` keys.
        self.env.cr.execute(
            f"""WITH found AS ({keys}),
                picked AS (
                SELECT k.partner_id, p.user_id, p.sop_owner_date, found.pos, found.len
                  FROM found
            CROSS JOIN LATERAL (SELECT partner_id FROM sop_partner_key
                                 WHERE kind = %(kind)s AND value = found.key LIMIT %(limit)s) k
                  JOIN res_partner p ON p.id = k.partner_id AND p.sop_managed AND p.active
                 ORDER BY found.pos, found.len, k.partner_id LIMIT %(limit)s)
                SELECT picked.partner_id, picked.user_id, owner.name, picked.sop_owner_date, picked.len
                  FROM picked
             LEFT JOIN res_users u ON u.id = picked.user_id
             LEFT JOIN res_partner owner ON owner.id = u.partner_id
                 ORDER BY picked.pos, picked.len, picked.partner_id""",
            {
                "keyword": keyword,
                # folded keywords hold word characters only: no LIKE wildcard to escape
                "pattern": f"%{keyword}%",
                "start": keyword[:MIN_KEYWORD_LENGTH],
                "kind": NAME_KIND,
                "limit": limit,
            },
        )
        return [
            DuplicateMatch(
                partner_id, KEYWORD_KIND, len(keyword) / max(length, 1), user_id, owner_name, since
            )
            for partner_id, user_id, owner_name, since, length in self.env.cr.fetchall()
        ]
