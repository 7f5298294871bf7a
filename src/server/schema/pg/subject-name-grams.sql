-- Name search at a million subjects (issue 12): a bigram index of subject
-- names. Each row says "the name of subject_id holds the two characters
-- (code points a, b) side by side", gram = a * 2097152 + b (code points fit
-- in 21 bits). A search for a text of two or more characters reads the
-- subjects of its rarest bigram and keeps those whose name holds the whole
-- text (instr, as the search without the index): the index only narrows,
-- the answer is the same. One-character texts scan as before.
--
-- Each bigram of a name once: from its first place in the name (instr),
-- so that no write of a subject meets a conflict here, whatever conflict
-- clause it has (and no DISTINCT sorts each name's bigrams).
--
-- Kept by triggers, so every write of a name (API, import, demo, a repair
-- with the sqlite3 CLI or psql) updates it in its own transaction; the triggers are
-- plain SQL (no function of the server), so any client keeps it right.
-- Idempotent: test-api-input brings a database back to an earlier version
-- and lets the server apply the later migrations again.
CREATE TABLE IF NOT EXISTS subject_name_grams (
  gram        bigint NOT NULL,
  subject_id  bigint NOT NULL,
  PRIMARY KEY (gram, subject_id)
);

-- The character positions 1 … 9999 of a name, as on SQLite (the triggers
-- here split names with generate_series; the table stays for the same
-- schema on both backends).
CREATE TABLE IF NOT EXISTS subject_name_positions (p bigint PRIMARY KEY);
INSERT INTO subject_name_positions (p)
  SELECT generate_series (1, 9999)
  ON CONFLICT (p) DO NOTHING;

-- The bigrams of a name, each once from its first place (as on SQLite:
-- ascii () is the code point, as unicode () there).
CREATE OR REPLACE FUNCTION subject_name_grams_of (name text) RETURNS SETOF bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT ascii (substr (name, p, 1))::bigint * 2097152 + ascii (substr (name, p + 1, 1))
  FROM generate_series (1, length (name) - 1) AS p
  WHERE strpos (name, substr (name, p, 2)) = p
$$;

CREATE OR REPLACE FUNCTION subjects_grams () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NOT (OLD.name IS DISTINCT FROM NEW.name OR OLD.id <> NEW.id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM subject_name_grams
     WHERE subject_id = OLD.id
       AND gram IN (SELECT ascii (substr (OLD.name, p, 1))::bigint * 2097152 + ascii (substr (OLD.name, p + 1, 1))
                    FROM generate_series (1, length (OLD.name) - 1) AS p);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO subject_name_grams (gram, subject_id)
      SELECT g, NEW.id FROM subject_name_grams_of (NEW.name) AS g
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS subjects_grams_insert ON subjects;
CREATE TRIGGER subjects_grams_insert AFTER INSERT ON subjects
  FOR EACH ROW EXECUTE FUNCTION subjects_grams ();
DROP TRIGGER IF EXISTS subjects_grams_update ON subjects;
CREATE TRIGGER subjects_grams_update AFTER UPDATE OF id, name ON subjects
  FOR EACH ROW EXECUTE FUNCTION subjects_grams ();
DROP TRIGGER IF EXISTS subjects_grams_delete ON subjects;
CREATE TRIGGER subjects_grams_delete AFTER DELETE ON subjects
  FOR EACH ROW EXECUTE FUNCTION subjects_grams ();

-- The subjects already there, inserted in the index's order.
INSERT INTO subject_name_grams (gram, subject_id)
  SELECT g, s.id FROM subjects s, subject_name_grams_of (s.name) AS g
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
