from odoo import models
from odoo.osv import expression


class ResUsers(models.Model):
    """Records that describe a customer (bank accounts, meetings and attendees, follow-ups,
    pool history, claim requests) follow that customer's visibility (SOP §1). Their record
    rules call this method rather than repeat the private pool's conditions: the domain is
    whatever res.partner's read rules say for the user, so a change of those rules (or a
    rule another module adds) applies to every describing record at once."""

    _inherit = "res.users"

    def _sop_partner_rule_domain(self, company_ids):
        """Domain of the partners this user may read, or [] when they read every SOP customer.
        Partners outside the SOP pass untouched, so Odoo's own records keep Odoo's rules."""
        # not as superuser: the rules of this user, in the companies the rule is evaluated for
        env = self.env(user=self.id, su=False, context={"allowed_company_ids": company_ids})
        domain = env["ir.rule"]._compute_domain("res.partner", "read")
        if not domain or expression.normalize_domain(domain) == expression.TRUE_DOMAIN:
            return []
        return expression.OR([[("sop_commercial_managed", "=", False)], domain])

    def _sop_visible_partner_domain(self, path, company_ids):
        """Domain of the records whose partner at `path` (a many2one) the user may read,
        or that have none."""
        domain = self._sop_partner_rule_domain(company_ids)
        if not domain:
            return expression.TRUE_DOMAIN
        return ["|", (path, "=", False), (path, "any", domain)]

    def _sop_all_partners_visible_domain(self, path, company_ids):
        """Domain of the records all of whose partners at `path` (a many2many) the user may read."""
        domain = self._sop_partner_rule_domain(company_ids)
        if not domain:
            return expression.TRUE_DOMAIN
        return [(path, "not any", ["!", *domain])]
