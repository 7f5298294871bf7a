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
-- with the sqlite3 CLI) updates it in its own transaction; the triggers are
-- plain SQL (no function of the server), so any client keeps it right.
-- Idempotent: test-api-input brings a database back to an earlier version
-- and lets the server apply the later migrations again.
CREATE TABLE IF NOT EXISTS subject_name_grams (
  gram        INTEGER NOT NULL,
  subject_id  INTEGER NOT NULL,
  PRIMARY KEY (gram, subject_id)
) WITHOUT ROWID;

-- The character positions 1 … 9999 of a name, joined to split it (triggers
-- may not use WITH RECURSIVE). Names are at most 500 characters (imports)
-- or 200 (the API).
CREATE TABLE IF NOT EXISTS subject_name_positions (p INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO subject_name_positions (p)
  WITH RECURSIVE n (p) AS (SELECT 1 UNION ALL SELECT p + 1 FROM n WHERE p < 9999)
  SELECT p FROM n;

CREATE TRIGGER IF NOT EXISTS subjects_grams_insert AFTER INSERT ON subjects
BEGIN
  INSERT OR IGNORE INTO subject_name_grams (gram, subject_id)
    SELECT unicode (substr (new.name, p, 1)) * 2097152 + unicode (substr (new.name, p + 1, 1)), new.id
    FROM subject_name_positions
    WHERE p < length (new.name) AND instr (new.name, substr (new.name, p, 2)) = p;
END;

CREATE TRIGGER IF NOT EXISTS subjects_grams_update AFTER UPDATE OF id, name ON subjects
  WHEN old.name IS NOT new.name OR old.id <> new.id
BEGIN
  DELETE FROM subject_name_grams
    WHERE subject_id = old.id
      AND gram IN (SELECT unicode (substr (old.name, p, 1)) * 2097152 + unicode (substr (old.name, p + 1, 1))
                   FROM subject_name_positions WHERE p < length (old.name));
  INSERT OR IGNORE INTO subject_name_grams (gram, subject_id)
    SELECT unicode (substr (new.name, p, 1)) * 2097152 + unicode (substr (new.name, p + 1, 1)), new.id
    FROM subject_name_positions
    WHERE p < length (new.name) AND instr (new.name, substr (new.name, p, 2)) = p;
END;

CREATE TRIGGER IF NOT EXISTS subjects_grams_delete AFTER DELETE ON subjects
BEGIN
  DELETE FROM subject_name_grams
    WHERE subject_id = old.id
      AND gram IN (SELECT unicode (substr (old.name, p, 1)) * 2097152 + unicode (substr (old.name, p + 1, 1))
                   FROM subject_name_positions WHERE p < length (old.name));
END;

-- The subjects already there, inserted in the index's order.
INSERT OR IGNORE INTO subject_name_grams (gram, subject_id)
  SELECT unicode (substr (s.name, p, 1)) * 2097152 + unicode (substr (s.name, p + 1, 1)), s.id
  FROM subjects s JOIN subject_name_positions ON p < length (s.name)
  WHERE instr (s.name, substr (s.name, p, 2)) = p
  ORDER BY 1, 2;
