import io
import shutil
import unittest

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.pdf import PdfFileReader

from .common import SopCommon, SopHttpCase

HEADERS = [
    "Customer Number",
    "Customer Name",
    "Grade",
    "Customer Group",
    "Open Opportunities",
    "Key Contacts",
    "Open Activities",
    "Pending Claim Requests",
    "Receiver",
]


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestHandoverExport(SopHttpCase, SopCommon):
    """The handover list leaves the system as XLSX (download from the form) and as a PDF,
    for the people concerned only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customers = cls.env["res.partner"].create(
            [cls._customer_vals(f"Export Co {n}", user_id=cls.rep_a.id) for n in range(3)]
        )
        cls.env["res.partner"].create(
            {"name": "Buyer Zhou", "parent_id": cls.customers[0].id, "email": "zhou@export.example"}
        )
        cls.env["crm.lead"].create(
            {
                "name": "Export order",
                "type": "opportunity",
                "user_id": cls.rep_a.id,
                "team_id": cls.team_a.id,
                "partner_id": cls.customers[0].id,
            }
        )
        cls.handover = (
            cls.env["sop.handover"]
            .with_user(cls.manager_a)
            .create({"from_user_id": cls.rep_a.id, "receiver_ids": [(6, 0, (cls.rep_b | cls.manager_a).ids)]})
        )
        cls.handover.action_preview()

    def _rows(self, content):
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_xlsx_has_the_columns_and_lines_of_the_list(self):
        rows = self._rows(self.handover.with_user(self.manager_a)._sop_handover_xlsx())
        self.assertEqual(rows[0], HEADERS)
        self.assertEqual(len(rows), 1 + len(self.customers))
        by_code = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_code), set(self.customers.mapped("sop_code")))
        first = by_code[self.customers[0].sop_code]
        self.assertEqual(first[1], "Export Co 0")
        # its open opportunity moved it from Potential to Intent (automatic group moves)
        self.assertEqual(first[3], self.group_intent.name)
        self.assertIn("Buyer Zhou zhou@export.example", first[5])
        self.assertTrue(first[4], "stage of the open opportunity")
        self.assertEqual({row[8] for row in rows[1:]}, {"Rep B", "Manager A"}, "round-robin receivers")
        # a receiver reads only the lines handed to them
        own = [row for row in rows[1:] if row[8] == "Rep B"]
        self.env.invalidate_all()  # the manager's lines are in the cache, shared by every user
        self.assertEqual(
            self._rows(self.handover.with_user(self.rep_b)._sop_handover_xlsx()), [HEADERS, *own]
        )

    def test_xlsx_headers_are_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["sales_lead_sop"], ["zh_CN"], overwrite=True)
        content = self.handover.with_user(self.manager_a).with_context(lang="zh_CN")._sop_handover_xlsx()
        headers = self._rows(content)[0]
        self.assertNotEqual(headers, HEADERS)
        self.assertIn("客户编号", headers)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_xlsx_refused_to_users_not_concerned(self):
        for user in (self.rep_a, self.rep_c, self.manager_b):  # departing rep, other team
            with self.assertRaises(AccessError):
                self.handover.with_user(user)._sop_handover_xlsx()

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model", "odoo.http")
    def test_download_route(self):
        action = self.handover.with_user(self.manager_a).action_export_xlsx()
        self.authenticate(self.manager_a.login, self.manager_a.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn(".xlsx", response.headers["Content-Disposition"])
        self.assertEqual(self._rows(response.content)[0], HEADERS)
        self.authenticate(self.rep_c.login, self.rep_c.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"Export Co", response.content)

    @unittest.skipUnless(shutil.which("wkhtmltopdf"), "wkhtmltopdf (Debian package) is not installed")
    def test_pdf_report_renders(self):
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.manager_a)
            .with_context(force_report_rendering=True)  # tests get HTML otherwise
            ._render_qweb_pdf("sales_lead_sop.sop_handover_report", self.handover.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        pages = PdfFileReader(io.BytesIO(pdf)).pages
        self.assertGreaterEqual(len(pages), 1)
        # Under the test runner wkhtmltopdf lays the page out without its text (its asset
        # requests go to the test server); outside tests Debian's wkhtmltopdf prints the
        # list with its content. The content itself is checked on the HTML render.
