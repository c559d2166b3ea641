from odoo import api, fields, models, tools


class SopFreeMailDomain(models.Model):
    """A free-mail domain (qq.com, gmail.com...): its addresses say nothing about the company,
    so the duplicate check compares them only as whole addresses, never by domain."""

    _name = "sop.free.mail.domain"
    _description = "SOP Free-Mail Domain"
    _order = "name"

    name = fields.Char(string="Domain", required=True, help="e.g. qq.com, without @ or www.")
    active = fields.Boolean(default=True)

    _sql_constraints = [("name_uniq", "unique(name)", "This domain is already in the list.")]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name"):
                vals["name"] = vals["name"].strip().lower().lstrip("@")
        domains = super().create(vals_list)
        self.env.registry.clear_cache()
        return domains

    def write(self, vals):
        if vals.get("name"):
            vals = dict(vals, name=vals["name"].strip().lower().lstrip("@"))
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

    @api.model
    @tools.ormcache()
    def _sop_free_domains(self):
        """Set of the active free-mail domains (cached per registry)."""
        self.flush_model(["name", "active"])
        self.env.cr.execute("SELECT name FROM sop_free_mail_domain WHERE active")
        return frozenset(row[0] for row in self.env.cr.fetchall())
