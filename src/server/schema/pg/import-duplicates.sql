ALTER TABLE imports ADD COLUMN IF NOT EXISTS uscc_duplicates bigint NOT NULL DEFAULT 0;
-- 重码 (issue 8), counted at import time instead of per request: a record
-- whose 统一社会信用代码 is well formed but names another subject than the
-- one it was first seen with — registered under another name, or, not
-- registered, first brought (by any import, of any kind) under another
-- name — counts once, in the import that brought it. The first name seen
-- is the reference, as the register is for registered codes; a
-- registration row naming a code already registered under another name is
-- rejected and counts the same way. Idempotent: test-api-input brings a
-- database back to version 7 and migrates it again. (The ALTER TABLE comes
-- first: the migration runner recognises an ALTER TABLE … ADD COLUMN already
-- applied only when the statement starts with it, comments included.)

-- The first name each unregistered code was brought with.
CREATE TABLE IF NOT EXISTS uscc_first_names (
  uscc  text COLLATE "C" NOT NULL PRIMARY KEY,
  name  text COLLATE "C" NOT NULL
);

INSERT INTO uscc_first_names (uscc, name)
SELECT DISTINCT ON (uscc) uscc, name FROM (
  SELECT uscc, name, import_id, id FROM penalties WHERE subject_id IS NULL
  UNION ALL SELECT uscc, name, import_id, id FROM licenses WHERE subject_id IS NULL
  UNION ALL SELECT uscc, name, import_id, id FROM commitments WHERE subject_id IS NULL) AS r
ORDER BY uscc, import_id, id
ON CONFLICT (uscc) DO NOTHING;

-- The imports before this version, counted once here the way an import
-- counts its own.
WITH dup AS (
  SELECT import_id, count(*) AS n FROM (
    SELECT r.import_id FROM penalties r JOIN subjects s ON s.id = r.subject_id WHERE r.name <> s.name
    UNION ALL SELECT r.import_id FROM licenses r JOIN subjects s ON s.id = r.subject_id WHERE r.name <> s.name
    UNION ALL SELECT r.import_id FROM commitments r JOIN subjects s ON s.id = r.subject_id WHERE r.name <> s.name
    UNION ALL SELECT r.import_id FROM penalties r JOIN uscc_first_names f ON f.uscc = r.uscc
               WHERE r.subject_id IS NULL AND r.name <> f.name
    UNION ALL SELECT r.import_id FROM licenses r JOIN uscc_first_names f ON f.uscc = r.uscc
               WHERE r.subject_id IS NULL AND r.name <> f.name
    UNION ALL SELECT r.import_id FROM commitments r JOIN uscc_first_names f ON f.uscc = r.uscc
               WHERE r.subject_id IS NULL AND r.name <> f.name) AS d
  GROUP BY import_id)
UPDATE imports SET uscc_duplicates = dup.n FROM dup WHERE dup.import_id = imports.id;
