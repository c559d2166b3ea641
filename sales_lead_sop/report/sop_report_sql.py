from odoo.tools import SQL

# per sort of a report query (PostgreSQL's default is 4MB)
REPORT_WORK_MEM = "64MB"

# a period's leads read by an index-only range on their creation time, with every column the
# campaign report and the scorecard's lead figures use (no heap visit per lead)
LEAD_INDEX = (
    # v2: with the entry state of the scorecard (a new name rebuilds it on update)
    "sop_report_crm_lead_create_date_v2_idx",
    "crm_lead",
    ["create_date"],
    [
        "user_id",
        "team_id",
        "source_id",
        "campaign_id",
        "medium_id",
        "partner_id",
        "sop_customer_id",
        "stage_id",
        "type",
        "date_conversion",
        "sop_lead_type",
        "sop_processing_state",
        "sop_entry_state",
        "expected_revenue",
        "sop_order_amount",
    ],
    "",
)


def sop_report_session(cr):
    """Set up the transaction for a query of the SQL-view reports (KPI scorecard, source and
    campaign report); called from their `_search`, which every read goes through (search_fetch,
    search_count, _read_group, fetch and the record rules' checks).

    Their queries aggregate tens of thousands of rows into a few hundred, which makes
    PostgreSQL's cost estimate pass `jit_above_cost`; compiling the plan (seconds at a million
    leads) then costs more than running it. JIT is switched off, and the memory for sorts
    (a year of leads sorted by source and campaign for the distinct customers) raised to
    REPORT_WORK_MEM unless the server gives more, for the rest of the transaction (`SET LOCAL`:
    one RPC call). It changes how the query is executed, never its result.
    """
    cr.execute(
        SQL(
            """SELECT set_config('jit', 'off', true),
                      CASE WHEN pg_size_bytes(current_setting('work_mem')) < pg_size_bytes(%(mem)s)
                           THEN set_config('work_mem', %(mem)s, true) END""",
            mem=REPORT_WORK_MEM,
        )
    )


def create_indexes(cr, indexes):
    """Create (name, table, key expressions, included columns, predicate) indexes unless they
    exist; included columns make index-only scans possible."""
    for name, table, expressions, include, where in indexes:
        cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (%s)%s%s",
                SQL.identifier(name),
                SQL.identifier(table),
                SQL(", ".join(expressions)),
                SQL(" INCLUDE (%s)", SQL(", ".join(include))) if include else SQL(),
                SQL(" WHERE %s", SQL(where)) if where else SQL(),
            )
        )
