-- Exact name-search counts at a million subjects (issue 12): how many
-- subjects each bigram of subject_name_grams (subject-name-grams.sql) has.
-- A two-character text's count is then one probe, and a longer text finds
-- its rarest bigram with one probe a bigram instead of counting postings.
--
-- Kept by triggers on subject_name_grams itself, so that whatever writes a
-- posting (the subjects' triggers, on any write of a name by any client)
-- keeps the count right in the same transaction: INSERT OR IGNORE fires no
-- insert trigger for a posting already there, so a count is the number of
-- its postings. A count may fall to 0 and stay as a row (a probe finds 0,
-- as for a bigram never seen).
-- Idempotent: test-api-input brings a database back to version 7 and lets
-- the server apply the later migrations again; the counts are then counted
-- again from the postings.
CREATE TABLE IF NOT EXISTS subject_name_gram_counts (
  gram  INTEGER PRIMARY KEY,
  n     INTEGER NOT NULL CHECK (n >= 0)
);

CREATE TRIGGER IF NOT EXISTS subject_name_grams_count_insert AFTER INSERT ON subject_name_grams
BEGIN
  INSERT INTO subject_name_gram_counts (gram, n) VALUES (new.gram, 1)
    ON CONFLICT (gram) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS subject_name_grams_count_delete AFTER DELETE ON subject_name_grams
BEGIN
  UPDATE subject_name_gram_counts SET n = n - 1 WHERE gram = old.gram;
END;

-- A posting's gram or subject never changes in place (the subjects'
-- triggers delete and insert); should a repair by hand do it, the counts
-- follow.
CREATE TRIGGER IF NOT EXISTS subject_name_grams_count_update AFTER UPDATE OF gram ON subject_name_grams
  WHEN old.gram <> new.gram
BEGIN
  UPDATE subject_name_gram_counts SET n = n - 1 WHERE gram = old.gram;
  INSERT INTO subject_name_gram_counts (gram, n) VALUES (new.gram, 1)
    ON CONFLICT (gram) DO UPDATE SET n = n + 1;
END;

-- The postings already there, counted in the index's order (one pass).
DELETE FROM subject_name_gram_counts;
INSERT INTO subject_name_gram_counts (gram, n)
  SELECT gram, count(*) FROM subject_name_grams GROUP BY gram;
