-- 名单自动比对 (issue 9): what each run was given, the rows it could not
-- read, the hits an analyst cleared as false matches, re-runs and the
-- departments' feedback on each hit (效果自动反馈).

-- The input: its SHA-256 (of the request body), its format, and its
-- distinct identifiers, sorted and each between line feeds, so that a run
-- can be re-run and a later change of a list can tell whether it touches a
-- subject of the run (instr() on the text). A re-run names its run.
ALTER TABLE match_runs ADD COLUMN input_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE match_runs ADD COLUMN input_format TEXT NOT NULL DEFAULT 'json'
  CHECK (input_format IN ('json', 'csv', 'xlsx'));
ALTER TABLE match_runs ADD COLUMN identifiers TEXT;
ALTER TABLE match_runs ADD COLUMN previous_run_id INTEGER REFERENCES match_runs (id);
-- Hits not raised because an analyst had cleared them.
ALTER TABLE match_runs ADD COLUMN cleared INTEGER NOT NULL DEFAULT 0;
-- The last line of the lists' history the run read: a later line about
-- one of its subjects makes it stale.
ALTER TABLE match_runs ADD COLUMN history_mark INTEGER;

-- A hit keeps the entry's state at the time of the run; feedback says
-- whether the department applied the measures.
ALTER TABLE match_hits ADD COLUMN state TEXT;
ALTER TABLE match_hits ADD COLUMN feedback TEXT CHECK (feedback IN ('applied', 'not_applied'));
ALTER TABLE match_hits ADD COLUMN feedback_note TEXT;
ALTER TABLE match_hits ADD COLUMN feedback_by TEXT;
ALTER TABLE match_hits ADD COLUMN feedback_department_id INTEGER REFERENCES departments (id);
ALTER TABLE match_hits ADD COLUMN feedback_at TEXT;
CREATE INDEX match_hits_type ON match_hits (list_type, run_id);

-- The rows of the input that could not be read, with their numbers.
CREATE TABLE match_invalid (
  run_id  INTEGER NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
  row     INTEGER NOT NULL,
  value   TEXT,
  code    TEXT    NOT NULL,
  PRIMARY KEY (run_id, row)
) WITHOUT ROWID;

-- 误匹配: an analyst says that a subject of a run is not the entry's
-- subject. Later runs do not raise the pair while the clearance stands;
-- it can be withdrawn. Both are audited.
CREATE TABLE match_clearances (
  id               INTEGER PRIMARY KEY,
  identifier       TEXT    NOT NULL,
  entry_id         INTEGER NOT NULL REFERENCES list_entries (id),
  run_id           INTEGER REFERENCES match_runs (id),
  reason           TEXT    NOT NULL,
  created_by       TEXT    NOT NULL,
  created_at       TEXT    NOT NULL,
  withdrawn_by     TEXT,
  withdrawn_at     TEXT,
  withdraw_reason  TEXT,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX match_clearances_standing ON match_clearances (identifier, entry_id)
  WHERE withdrawn_at IS NULL;

-- The demo's runs: their hits' states.
UPDATE match_hits SET state = (SELECT e.state FROM list_entries e WHERE e.id = match_hits.entry_id);
