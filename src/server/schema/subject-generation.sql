-- The subjects' generation (issue 12): a number that every write of a
-- subject raises, in the writing transaction, whatever writes (a route, an
-- import, the demo seeding, a grading pass, another server on the same
-- file). A server remembers the exact total of a name search it has counted
-- (GET /subjects?q=…&total=1, hcs-store-subjects-cache.c) together with the
-- generation it read before counting, and answers it again only while the
-- generation it reads is still that one: any server's commit of a subject
-- write makes every server count again.
--
-- One row. Raised by row triggers when a column a search filters by
-- changes (a write of another column, such as industry, changes no count).
-- Row by row is cheap here: SQLite's rows have no versions, and the row
-- stays in the page cache (about 0.5 µs of CPU a row written, where a
-- subject's insert with its name bigrams costs about 100 µs; bench/README.md).
-- Idempotent: test-api-input brings a database back to version 7 and lets
-- the server apply the later migrations again.
CREATE TABLE IF NOT EXISTS subject_generation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL
);
INSERT OR IGNORE INTO subject_generation (id, generation) VALUES (1, 1);

CREATE TRIGGER IF NOT EXISTS subjects_generation_insert AFTER INSERT ON subjects
BEGIN
  UPDATE subject_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER IF NOT EXISTS subjects_generation_delete AFTER DELETE ON subjects
BEGIN
  UPDATE subject_generation SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER IF NOT EXISTS subjects_generation_update
  AFTER UPDATE OF id, identifier, name, type, region, status, grade ON subjects
  WHEN old.id IS NOT new.id OR old.identifier IS NOT new.identifier OR old.name IS NOT new.name
    OR old.type IS NOT new.type OR old.region IS NOT new.region OR old.status IS NOT new.status
    OR old.grade IS NOT new.grade
BEGIN
  UPDATE subject_generation SET generation = generation + 1 WHERE id = 1;
END;

-- Whatever a server remembered before this migration is of another
-- generation.
UPDATE subject_generation SET generation = generation + 1 WHERE id = 1;
