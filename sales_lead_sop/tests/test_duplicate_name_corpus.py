import csv
import logging
from pathlib import Path

from odoo.tests import tagged

from .common import SopCommon

_logger = logging.getLogger(__name__)

CORPUS = Path(__file__).parent / "data" / "company_name_pairs.csv"
# Issue 21: share of same-company pairs found / of different pairs kept apart.
MIN_RECALL = 0.98
MIN_PRECISION = 1.0


def read_corpus():
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = (line for line in corpus if not line.startswith("#"))
        return [
            (row["expected"] == "same", row["saved"], row["typed"], row["reason"])
            for row in csv.DictReader(lines)
        ]


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestDuplicateNameCorpus(SopCommon):
    """Recall and precision of the company-name check on the public corpus of name pairs
    (tests/data/company_name_pairs.csv): the saved names are public SOP customers, each typed
    name goes through the check before entry (`sop_find_duplicates`, same or similar name)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pairs = read_corpus()
        cls.env["ir.config_parameter"].set_param("sales_lead_sop.duplicate_match_limit", 200)
        # Saved without the check: they resemble each other on purpose.
        Partner = cls.env["res.partner"].with_context(sop_skip_duplicate_check=True)
        names = sorted({saved for _same, saved, _typed, _reason in cls.pairs})
        partners = Partner.create([cls._customer_vals(name) for name in names])
        cls.saved = dict(zip(names, partners.ids, strict=True))

    def test_recall_and_precision(self):
        self.assertGreaterEqual(len(self.pairs), 500)
        Partner = self.env["res.partner"].with_user(self.admin)
        missed, merged = [], []
        for same, saved, typed, reason in self.pairs:
            found = {
                row["partner_id"]
                for row in Partner.sop_find_duplicates({"name": typed})
                if row["match"] in ("name", "similar_name")
            }
            if same and self.saved[saved] not in found:
                missed.append((saved, typed, reason))
            elif not same and self.saved[saved] in found:
                merged.append((saved, typed, reason))
        same_count = sum(1 for pair in self.pairs if pair[0])
        recall = 1 - len(missed) / same_count
        precision = 1 - len(merged) / (len(self.pairs) - same_count)
        _logger.info(
            "company-name corpus: %s pairs, recall %.1f %% (%s missed), precision %.1f %% (%s merged)",
            len(self.pairs),
            100 * recall,
            len(missed),
            100 * precision,
            len(merged),
        )
        for saved, typed, reason in missed:
            _logger.info("missed: %s | %s (%s)", saved, typed, reason)
        for saved, typed, reason in merged:
            _logger.info("merged: %s | %s (%s)", saved, typed, reason)
        figures = f"recall {100 * recall:.1f} %, precision {100 * precision:.1f} %"
        self.assertGreaterEqual(recall, MIN_RECALL, f"{figures}; same-company pairs missed: {missed}")
        self.assertGreaterEqual(precision, MIN_PRECISION, f"{figures}; different pairs found: {merged}")
