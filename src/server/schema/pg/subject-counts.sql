-- The exact count of subjects at no cost (issue 12): how many subjects each
-- (type, region, status, grade) has, as on SQLite (a subject without a
-- grade under grade '').
--
-- Kept by statement triggers with transition tables, not row triggers: a
-- count row updated once per subject in one transaction (the demo's COPY,
-- the import's INSERT … SELECT) would leave a row version per subject that
-- the next update walks past, O(n²) (see subject_name_gram_counts and
-- src/server/DESIGN.md, "Bulk loads and MVCC"); a statement changes each
-- count it touches once, in the keys' order (two statements lock them
-- alike). One upsert adds the statement's signed changes, so n has no
-- CHECK (n >= 0) here: PostgreSQL checks it on the row proposed for
-- insertion, before the conflict, and a decrement's proposed row is
-- negative. Idempotent: counted again from the subjects.
CREATE TABLE IF NOT EXISTS subject_counts (
  type    text COLLATE "C" NOT NULL,
  region  text COLLATE "C" NOT NULL,
  status  text COLLATE "C" NOT NULL,
  grade   text COLLATE "C" NOT NULL,
  n       bigint NOT NULL,
  PRIMARY KEY (type, region, status, grade)
);

CREATE OR REPLACE FUNCTION subjects_count () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO subject_counts AS c (type, region, status, grade, n)
      SELECT r.type, r.region, r.status, coalesce (r.grade, ''), count(*) FROM new_rows AS r
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (type, region, status, grade) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO subject_counts AS c (type, region, status, grade, n)
      SELECT r.type, r.region, r.status, coalesce (r.grade, ''), -count(*) FROM old_rows AS r
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (type, region, status, grade) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO subject_counts AS c (type, region, status, grade, n)
      SELECT d.type, d.region, d.status, d.grade, sum (d.n) FROM
        (SELECT r.type, r.region, r.status, coalesce (r.grade, '') AS grade, 1 AS n FROM new_rows AS r
         UNION ALL
         SELECT r.type, r.region, r.status, coalesce (r.grade, ''), -1 FROM old_rows AS r) AS d
      GROUP BY 1, 2, 3, 4 HAVING sum (d.n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (type, region, status, grade) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS subjects_count_insert ON subjects;
CREATE TRIGGER subjects_count_insert AFTER INSERT ON subjects
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subjects_count ();
DROP TRIGGER IF EXISTS subjects_count_delete ON subjects;
CREATE TRIGGER subjects_count_delete AFTER DELETE ON subjects
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subjects_count ();
DROP TRIGGER IF EXISTS subjects_count_update ON subjects;
CREATE TRIGGER subjects_count_update AFTER UPDATE ON subjects
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subjects_count ();

-- The subjects already there, counted.
DELETE FROM subject_counts;
INSERT INTO subject_counts (type, region, status, grade, n)
  SELECT type, region, status, coalesce (grade, ''), count(*) FROM subjects
  GROUP BY 1, 2, 3, 4;
