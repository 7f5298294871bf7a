-- Exact name-search counts at a million subjects (issue 12): how many
-- subjects each bigram of subject_name_grams (subject-name-grams.sql) has,
-- as on SQLite. Kept by a trigger on subject_name_grams itself (row
-- triggers fire only for postings really inserted: ON CONFLICT DO NOTHING
-- fires none for one already there), so a count is the number of its
-- postings. Idempotent: counted again from the postings.
CREATE TABLE IF NOT EXISTS subject_name_gram_counts (
  gram  bigint PRIMARY KEY,
  n     bigint NOT NULL CHECK (n >= 0)
);

CREATE OR REPLACE FUNCTION subject_name_grams_count () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE subject_name_gram_counts SET n = n - 1 WHERE gram = OLD.gram;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO subject_name_gram_counts (gram, n) VALUES (NEW.gram, 1)
      ON CONFLICT (gram) DO UPDATE SET n = subject_name_gram_counts.n + 1;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS subject_name_grams_count_insert ON subject_name_grams;
CREATE TRIGGER subject_name_grams_count_insert AFTER INSERT ON subject_name_grams
  FOR EACH ROW EXECUTE FUNCTION subject_name_grams_count ();
DROP TRIGGER IF EXISTS subject_name_grams_count_delete ON subject_name_grams;
CREATE TRIGGER subject_name_grams_count_delete AFTER DELETE ON subject_name_grams
  FOR EACH ROW EXECUTE FUNCTION subject_name_grams_count ();
DROP TRIGGER IF EXISTS subject_name_grams_count_update ON subject_name_grams;
CREATE TRIGGER subject_name_grams_count_update AFTER UPDATE OF gram ON subject_name_grams
  FOR EACH ROW WHEN (OLD.gram <> NEW.gram) EXECUTE FUNCTION subject_name_grams_count ();

-- The postings already there, counted.
DELETE FROM subject_name_gram_counts;
INSERT INTO subject_name_gram_counts (gram, n)
  SELECT gram, count(*) FROM subject_name_grams GROUP BY gram;
