-- The subjects' generation (issue 12), as on SQLite: a number that every
-- write of a subject raises, in the writing transaction; a server answers a
-- name search's exact total it remembers only while the generation it
-- reads is the one it read before counting (hcs-store-subjects-cache.c).
--
-- Raised by statement triggers, once a transaction: the row keeps the
-- transaction that raised it last, and a later statement of the same
-- transaction leaves it (its new value becomes visible at the commit with
-- every subject written, and a rollback takes it back with them). Raised
-- once per statement or per row instead, a transaction of many statements
-- (an import row by row) would leave a row version per statement that the
-- next update walks past (src/server/DESIGN.md, "Bulk loads and MVCC").
-- Writers of subjects wait for each other on this row until they commit, as
-- they already do on the counts of subject_counts and of the common bigrams.
-- Idempotent.
CREATE TABLE IF NOT EXISTS subject_generation (
  id          integer PRIMARY KEY CHECK (id = 1),
  generation  bigint NOT NULL,
  xact        bigint
);
INSERT INTO subject_generation (id, generation) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION subjects_generation () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE subject_generation SET generation = generation + 1, xact = txid_current ()
    WHERE id = 1 AND xact IS DISTINCT FROM txid_current ();
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS subjects_generation_insert ON subjects;
CREATE TRIGGER subjects_generation_insert AFTER INSERT ON subjects
  FOR EACH STATEMENT EXECUTE FUNCTION subjects_generation ();
DROP TRIGGER IF EXISTS subjects_generation_delete ON subjects;
CREATE TRIGGER subjects_generation_delete AFTER DELETE ON subjects
  FOR EACH STATEMENT EXECUTE FUNCTION subjects_generation ();
DROP TRIGGER IF EXISTS subjects_generation_update ON subjects;
CREATE TRIGGER subjects_generation_update
  AFTER UPDATE OF id, identifier, name, type, region, status, grade ON subjects
  FOR EACH STATEMENT EXECUTE FUNCTION subjects_generation ();
-- TRUNCATE too: a repair by hand.
DROP TRIGGER IF EXISTS subjects_generation_truncate ON subjects;
CREATE TRIGGER subjects_generation_truncate AFTER TRUNCATE ON subjects
  FOR EACH STATEMENT EXECUTE FUNCTION subjects_generation ();

UPDATE subject_generation SET generation = generation + 1 WHERE id = 1;
