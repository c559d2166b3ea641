import io

import xlsxwriter

from odoo import models

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# columns of the printed list (report/sop_handover_report.xml), in its order
XLSX_FIELDS = [
    "sop_code",
    "partner_name",
    "sop_grade",
    "sop_group_id",
    "opportunity_stages",
    "key_contacts",
    "open_activity_count",
    "pending_request_count",
    "to_user_id",
]


class SopHandover(models.Model):
    """Handover list as a spreadsheet (交接清单 XLSX), with the columns of the printed list."""

    _inherit = "sop.handover"

    def _sop_xlsx_columns(self):
        """(translated header, value of a line) of each column, in the order of the PDF.
        The headers are the labels of the list's fields, in the reader's language."""
        Line = self.env["sop.handover.line"]
        labels = Line.fields_get(XLSX_FIELDS, ["string"])
        columns = []
        for name in XLSX_FIELDS:
            if Line._fields[name].type == "many2one":
                columns.append(
                    (labels[name]["string"], lambda line, name=name: line[name].display_name or "")
                )
            else:
                columns.append((labels[name]["string"], lambda line, name=name: line[name] or ""))
        return columns

    def _sop_handover_xlsx(self):
        """The handover list as XLSX bytes, read with the caller's rights (the manager who ran
        it, the departing rep's managers and the receivers; AccessError for anybody else)."""
        self.ensure_one()
        self.check_access("read")
        columns = self._sop_xlsx_columns()
        lines = self.line_ids
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        # sheet names are limited to 31 characters and a few forbidden ones
        sheet = workbook.add_worksheet(self.env._("Handover List")[:31])
        header = workbook.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1})
        for col, (label, _value) in enumerate(columns):
            sheet.write(0, col, label, header)
            sheet.set_column(col, col, max(12, len(label) + 2))
        for row, line in enumerate(lines, start=1):
            for col, (_label, value) in enumerate(columns):
                sheet.write(row, col, value(line))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(lines), len(columns) - 1)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        """Button: download the handover list as XLSX."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/sop/handover/{self.id}/xlsx",
            "target": "download",
        }
