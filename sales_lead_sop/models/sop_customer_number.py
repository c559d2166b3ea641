from odoo import SUPERUSER_ID, api, fields, models


class SopCustomerNumber(models.Model):
    """Last serial handed out per customer-number prefix (region-industry-year).

    A serial is drawn in a short transaction of its own, committed at once, under READ
    COMMITTED: two customers created at the same moment wait on the counter row for
    microseconds and get consecutive serials, and a serial is never handed out twice,
    even when the customer's own transaction later rolls back (the number is then skipped).
    """

    _name = "sop.customer.number"
    _description = "SOP Customer Number Counter"
    _rec_name = "prefix"

    prefix = fields.Char(required=True, readonly=True)
    last_serial = fields.Integer(readonly=True)

    _sql_constraints = [("prefix_uniq", "unique(prefix)", "One counter per prefix.")]

    @api.model
    def _next_number(self, prefix):
        """Draw the next number for `prefix`, e.g. 'HZ-IT-2024' -> 'HZ-IT-2024-001'."""
        if not self.env.registry.ready or self.env.registry.in_test_mode():
            # Module installation: the counter table is not committed yet and nobody else creates
            # customers. Browser tests: every cursor is the test's own, so there is nothing to isolate.
            return self._format(prefix, self._draw(self.env.cr, prefix))
        with self.env.registry.cursor() as cr:
            # Odoo's default REPEATABLE READ would fail the second of two concurrent drawers.
            cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            serial = self._draw(cr, prefix)
        return self._format(prefix, serial)

    @api.model
    def _format(self, prefix, serial):
        return "%s-%03d" % (prefix, serial)

    @api.model
    def _draw(self, cr, prefix):
        now = "now() at time zone 'UTC'"
        cr.execute(
            f"""INSERT INTO sop_customer_number
                       (prefix, last_serial, create_uid, create_date, write_uid, write_date)
                VALUES (%(prefix)s, 1, %(uid)s, {now}, %(uid)s, {now})
                ON CONFLICT (prefix) DO UPDATE SET last_serial = sop_customer_number.last_serial + 1,
                                                   write_date = {now}
                RETURNING last_serial""",
            # The superuser signs the counter: the drawing transaction may not see a user created
            # in the caller's uncommitted transaction.
            {"prefix": prefix, "uid": SUPERUSER_ID},
        )
        return cr.fetchone()[0]
