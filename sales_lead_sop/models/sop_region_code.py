from odoo import api, fields, models


class SopRegionCode(models.Model):
    """Region part of customer numbers: a city or a state (province) mapped to a short code.
    A city match wins over a state match; without either, the country code is used."""

    _name = "sop.region.code"
    _description = "SOP Region Code"
    _order = "city, id"

    name = fields.Char(required=True)  # a place name, typed in the language of the customers' addresses
    code = fields.Char(required=True, help="Letters used in customer numbers, e.g. HZ for Hangzhou.")
    country_id = fields.Many2one("res.country", required=True)
    state_id = fields.Many2one("res.country.state", string="State / Province")
    city = fields.Char(help="City name as typed on customers, in any case (e.g. Hangzhou or 杭州).")
    active = fields.Boolean(default=True)

    @api.model
    def _sop_region_code(self, partner):
        """Region code for `partner`: its city's code, else its state's, else its country code."""
        if not partner.country_id:
            return "XX"
        domain = [("country_id", "=", partner.country_id.id)]
        city = (partner.city or "").strip()
        if city:
            match = self.search(domain + [("city", "=ilike", city)], limit=1)
            if match:
                return match.code
        if partner.state_id:
            match = self.search(
                domain + [("state_id", "=", partner.state_id.id), ("city", "=", False)], limit=1
            )
            if match:
                return match.code
        return partner.country_id.code or "XX"
