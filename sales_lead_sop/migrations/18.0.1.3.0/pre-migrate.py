"""18.0.1.3.0: recycling rules apply to customers only (leads recycle by the lead recycle
days setting), so the `applies_to` column goes. A rule that said "Leads" never applied to
anything; without its column it would start recycling customers, so it is archived first."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """SELECT 1 FROM information_schema.columns
            WHERE table_name = 'sop_recycle_rule' AND column_name = 'applies_to'"""
    )
    if not cr.fetchone():
        return
    cr.execute("UPDATE sop_recycle_rule SET active = false WHERE applies_to = 'lead'")
    cr.execute("ALTER TABLE sop_recycle_rule DROP COLUMN applies_to")
