-- 信用修复 (issue 9): the evidence an application gives (证明材料), each
-- item a line of text in the order given. Idempotent, so that a database
-- brought back to an earlier version migrates again.
CREATE TABLE IF NOT EXISTS repair_evidence (
  id        INTEGER PRIMARY KEY,
  repair_id INTEGER NOT NULL REFERENCES repairs (id),
  position  INTEGER NOT NULL,
  item      TEXT NOT NULL,
  UNIQUE (repair_id, position)
);
