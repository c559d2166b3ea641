from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    """A claim request for a company not yet in the CRM reserves it for its requester while it
    is live (pending, or approved within its take window): the duplicate check shows it as
    reserved, and only the requester may enter it, which closes the request as taken."""

    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        check = self._sop_duplicate_check_enabled()
        reserved_by = []
        for vals in vals_list:
            requests = self.env["sop.claim.request"]
            if check and vals.get("sop_managed") and not vals.get("parent_id"):
                requests = self._sop_claim_reservations(vals)
            owner = self.env["res.users"].browse(vals.get("user_id")) or self.env.user
            # the company is reserved for the first in line; later requests wait behind it
            first = requests.sorted(requests._sop_queue_key)[:1]
            if first and first.user_id != owner:
                raise UserError(self._sop_reserved_message(first))
            reserved_by.append(requests.filtered(lambda r, owner=owner: r.user_id == owner))
        partners = super().create(vals_list)
        for partner, requests in zip(partners, reserved_by, strict=True):
            partner._sop_close_claim_reservations(requests)
        return partners

    @api.model
    def _sop_claim_reservations(self, vals):
        """Live new-company requests matching the values of a customer about to be entered."""
        query = {key: vals.get(key) for key in ("name", "phone", "mobile", "email", "country_id")}
        keys = self._sop_keys_from_vals(query)
        # sudo: other reps' requests decide whether the caller may enter this company
        return self.env["sop.claim.request"].sudo()._sop_live_for_keys(self._sop_request_keys(keys))

    def _sop_close_claim_reservations(self, requests):
        """The requester entered the company they reserved: their request is done."""
        self.ensure_one()
        for request in requests:
            request.write({"state": "done", "partner_id": self.id})
            request._notify_reps(
                self.env["res.users"],
                self.env._("%(customer)s was entered: the request is closed.", customer=self.name),
            )

    @api.model
    def _sop_request_keys(self, keys):
        """The name_key / phone_key / email_key lists of duplicate-check `keys`."""
        exact = keys["exact"]
        return {
            "name_key": keys["name"] or False,
            "phone_key": [value for (kind, value) in exact if kind == "phone"] or False,
            "email_key": [value for (kind, value) in exact if kind == "email"] or False,
        }

    @api.model
    def _sop_reserved_message(self, request):
        return self.env._(
            "%(name)s is reserved for %(user)s by a claim request filed on %(date)s: sales support "
            "decides it first.",
            name=request.company_name,
            user=request.user_id.name,
            date=fields.Date.to_string(request.create_date.date()),
        )

    @api.model
    def _sop_reservation_rows(self, keys):
        """Rows of the duplicate check for the live new-company requests matching `keys`
        (as `_sop_keys_from_vals` returns them): status `reserved`, the requester as owner,
        the filing date as since, never the request's details."""
        requests = self.env["sop.claim.request"].sudo()._sop_live_for_keys(self._sop_request_keys(keys))
        rows = []
        request_keys = self._sop_request_keys(keys)
        for request in requests:
            for match, field in (("name", "name_key"), ("phone", "phone_key"), ("email", "email_key")):
                wanted = request_keys[field]
                value = request[field]
                if value and (value == wanted or (isinstance(wanted, list) and value in wanted)):
                    rows.append(
                        {
                            "match": match,
                            "status": "reserved" if request.user_id != self.env.user else "mine",
                            "owner": request.user_id.name,
                            "since": fields.Date.to_string(request.create_date.date()),
                            "partner_id": False,
                            "name": request.company_name if request.user_id == self.env.user else False,
                            "similarity": 1.0,
                            "_id": False,
                        }
                    )
                    break
        return rows

    @api.model
    def sop_find_duplicates(self, vals):
        """Also lists the companies reserved by a live claim request (status ``reserved``)."""
        rows = super().sop_find_duplicates(vals)
        keys = self._sop_keys_from_vals(self._sop_check_duplicate_query(vals))
        for row in self._sop_reservation_rows(keys):
            del row["_id"]
            rows.append(row)
        return rows
