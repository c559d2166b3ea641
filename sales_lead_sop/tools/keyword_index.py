"""The bigram index of the keyword search (撞单查询 by 字号), in SQL: no ORM here, so that the
key table's `init` can create it right after the distinct-key table."""

import logging

from odoo.tools import SQL
from odoo.tools.sql import index_exists, table_exists

_logger = logging.getLogger(__name__)

# Character bigrams of every distinct company-name key, with where the bigram first occurs in
# the key and the key's length: a two-character keyword (日东, the common case) is one range of
# the index, read in rank order (keys starting with it, then the shortest) and stopped at the
# limit. pg_trgm cannot serve it (a trigram index needs three characters; `ilike` on 1M
# partners scans them all). Kept by statement triggers on `sop_name_key`, whichever path
# inserts or purges keys (live saves, the backfill, TRUNCATE).
BIGRAM_DDL = """
CREATE TABLE IF NOT EXISTS sop_name_key_bigram (
    bigram varchar NOT NULL, pos int NOT NULL, len int NOT NULL, key varchar NOT NULL);
CREATE OR REPLACE FUNCTION sop_name_key_bigrams(keys varchar[]) RETURNS TABLE (
    bigram varchar, pos int, len int, key varchar) LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT ON (k.key, substr(k.key, i, 2)) substr(k.key, i, 2)::varchar, i - 1,
           length(k.key), k.key
      FROM unnest(keys) AS k(key), generate_series(1, length(k.key) - 1) AS i
     ORDER BY k.key, substr(k.key, i, 2), i $$;
CREATE OR REPLACE FUNCTION sop_name_key_bigram_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sop_name_key_bigram
    SELECT * FROM sop_name_key_bigrams(ARRAY(SELECT key FROM new_keys)) ORDER BY 1, 2, 3, 4;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION sop_name_key_bigram_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM sop_name_key_bigram b
     USING sop_name_key_bigrams(ARRAY(SELECT key FROM old_keys)) AS g
     WHERE b.bigram = g.bigram AND b.pos = g.pos AND b.len = g.len AND b.key = g.key;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION sop_name_key_bigram_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE sop_name_key_bigram;
    RETURN NULL;
END $$;
"""
TRIGGERS = {
    "sop_name_key_bigram_insert": "AFTER INSERT ON sop_name_key REFERENCING NEW TABLE AS new_keys "
    "FOR EACH STATEMENT EXECUTE FUNCTION sop_name_key_bigram_add()",
    "sop_name_key_bigram_delete": "AFTER DELETE ON sop_name_key REFERENCING OLD TABLE AS old_keys "
    "FOR EACH STATEMENT EXECUTE FUNCTION sop_name_key_bigram_remove()",
    "sop_name_key_bigram_truncate": "AFTER TRUNCATE ON sop_name_key "
    "FOR EACH STATEMENT EXECUTE FUNCTION sop_name_key_bigram_truncate()",
}


def init_keyword_index(cr):
    """Create the bigram table of the keyword search and its triggers (after `sop_name_key`);
    on a database whose keys predate it, fill it from the distinct keys once."""
    created = not table_exists(cr, "sop_name_key_bigram")
    cr.execute(BIGRAM_DDL)
    if not index_exists(cr, "sop_name_key_bigram_idx"):
        cr.execute("CREATE INDEX sop_name_key_bigram_idx ON sop_name_key_bigram (bigram, pos, len, key)")
    cr.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'sop_name_key'::regclass")
    existing = {row[0] for row in cr.fetchall()}
    for name, definition in TRIGGERS.items():
        if name not in existing:
            cr.execute(SQL("CREATE TRIGGER %s %s", SQL.identifier(name), SQL(definition)))
    if created:
        cr.execute(
            """INSERT INTO sop_name_key_bigram
               SELECT * FROM sop_name_key_bigrams(ARRAY(SELECT key FROM sop_name_key)) ORDER BY 1, 2, 3, 4"""
        )
        if cr.rowcount:
            _logger.info("sales_lead_sop: %s bigrams of company-name keys indexed", cr.rowcount)
