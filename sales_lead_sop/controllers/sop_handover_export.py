from odoo import http
from odoo.http import content_disposition, request

from ..models.sop_handover_export import XLSX_MIMETYPE


class SopHandoverExport(http.Controller):
    """Download of a handover list as XLSX (the form's "Export XLSX" button)."""

    @http.route("/sop/handover/<int:handover_id>/xlsx", type="http", auth="user", methods=["GET"])
    def handover_xlsx(self, handover_id):
        handover = request.env["sop.handover"].browse(handover_id).exists()
        if not handover:
            raise request.not_found()
        content = handover._sop_handover_xlsx()  # AccessError (403) for users not concerned
        filename = request.env._("Handover - %(user)s.xlsx", user=handover.from_user_id.name)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
