from odoo import api, models


class ResPartner(models.Model):
    """A partner's label never carries its address, email, VAT or id to a user who may not
    read that partner (SOP §1), whatever context keys the client sent. Odoo computes the label
    of a many2one as superuser (so that a record shows what it points at), and the context
    keys (show_address, show_email, ...) put private data in it; every model's partner
    fields, today's and later ones, pass here. The keys are those the installed label
    depends on, so a key another addon adds is covered too."""

    _inherit = "res.partner"

    def _sop_label_context_keys(self):
        keys = self.pool.field_depends_context[self._fields["display_name"]]
        return [key for key in keys if key not in ("lang", "uid") and self.env.context.get(key)]

    # the label now depends on who reads it: never serve one user's label to another
    @api.depends_context("uid")
    def _compute_display_name(self):
        keys = self._sop_label_context_keys()
        if not keys or not self.ids or self.env.user._is_superuser():
            return super()._compute_display_name()
        # the caller's own rights, also when the label is computed as superuser
        readable = self.with_env(self.env(su=False))._filtered_access("read")
        hidden = self - readable
        if not hidden:
            return super()._compute_display_name()
        super(ResPartner, readable)._compute_display_name()
        # the label without the keys, computed into its own cache (reading the field here
        # would find it under computation and answer nothing)
        plain = hidden.with_context(**dict.fromkeys(keys, False))
        super(ResPartner, plain)._compute_display_name()
        for partner, twin in zip(hidden, plain, strict=True):
            partner.display_name = twin.display_name
        return None
