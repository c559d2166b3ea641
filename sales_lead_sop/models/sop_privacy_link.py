from odoo import Command, models, tools
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    """The private pool's line for links (SOP §1): no record of any model, installed today or
    later, may be pointed at a contact its author may not read. A lead, meeting, attendee,
    bank account or follow-up filled from another owner's (or a public-pool) customer would
    hand its phones, emails and address to the author through stored and related fields,
    computed as superuser. One batched access check per create or write, on the partners
    named in the values, decided by res.partner's record rules (the one place that says who
    reads which customer)."""

    _inherit = "base"

    # Fields that name, on purpose, a customer their author may not read, and copy nothing
    # from it (a claim request for another rep's customer).
    _sop_unchecked_partner_links = ()

    @tools.ormcache()
    def _sop_partner_link_fields(self):
        """(field name, groups) of this model's many2one and many2many fields to res.partner."""
        return tuple(
            (name, field.groups)
            for name, field in self._fields.items()
            if field.type in ("many2one", "many2many")
            and field.comodel_name == "res.partner"
            and name not in self._sop_unchecked_partner_links
        )

    def _prepare_create_values(self, vals_list):
        vals_list = super()._prepare_create_values(vals_list)
        self._sop_check_partner_links(vals_list)
        return vals_list

    def write(self, vals):
        self._sop_check_partner_links([vals])
        return super().write(vals)

    def export_data(self, fields_to_export):
        # An export reads what `read` would: Odoo's export computes non-stored related fields
        # (an attendee's email, a follower's name) without checking the records' rules.
        self.check_access("read")
        return super().export_data(fields_to_export)

    def _sop_check_partner_links(self, vals_list):
        # Superuser code links what it decided to link. Portal and public users are bound by
        # Odoo's portal rules and reach partners through controllers; the line drawn here is
        # between internal users.
        if self.env.su or self.env.user.share:
            return
        link_fields = self._sop_partner_link_fields()
        if not link_fields:
            return
        ids = set()
        for name, groups in link_fields:
            # a field restricted to groups the caller lacks is never written from a client
            # (the ORM refuses it): only server code fills it
            if groups and not self.env.user.has_groups(groups):
                continue
            for vals in vals_list:
                if name in vals:
                    ids.update(_linked_ids(vals[name]))
        if not ids:
            return
        Partner = self.env["res.partner"].with_context(active_test=False)
        readable = Partner.search([("id", "in", list(ids))])
        if len(readable) == len(ids):
            return
        # sudo: tell which contacts are refused; their names are no private data (SOP §1)
        refused = Partner.sudo().browse(ids - set(readable.ids)).exists()
        if refused:
            raise AccessError(
                self.env._(
                    "You cannot link %(record)s to %(partners)s: you may not read this contact "
                    "(it belongs to another owner's private pool or to the public pool).",
                    record=self._description,
                    partners=", ".join(refused.mapped("name")),
                )
            )


def _linked_ids(value):
    """The ids of existing partners a many2one or many2many value points at. Values of
    another shape are left to the ORM, which refuses them."""
    if isinstance(value, models.BaseModel):
        return value.ids
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    ids = []
    if isinstance(value, list | tuple):
        for command in value:
            if isinstance(command, int) and not isinstance(command, bool):
                ids.append(command)
            elif isinstance(command, list | tuple) and command:
                if command[0] == Command.LINK and len(command) > 1 and isinstance(command[1], int):
                    ids.append(command[1])
                elif command[0] == Command.SET and len(command) > 2 and isinstance(command[2], list | tuple):
                    ids += [i for i in command[2] if isinstance(i, int) and not isinstance(i, bool)]
    return ids
