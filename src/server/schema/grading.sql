-- 公共信用综合评价 (四.(四).3): versioned evaluation models, each subject's
-- computed grade and a supervisor's overrides (issue 13). IF NOT EXISTS:
-- test-api-input brings a database back to version 7 and migrates it again.

-- A model version: a base score, one weight per factor (grading_weights)
-- and the lowest score of grades A, B and C (below band_c: D). At most one
-- draft and one published version; a published version is never edited,
-- and the one it replaces stays readable as superseded.
CREATE TABLE IF NOT EXISTS grading_models (
  id            INTEGER PRIMARY KEY,          -- the model's version number
  state         TEXT    NOT NULL DEFAULT 'draft'
                CHECK (state IN ('draft', 'published', 'superseded')),
  title         TEXT    NOT NULL DEFAULT '',
  base_score    INTEGER NOT NULL CHECK (base_score BETWEEN 0 AND 1000),
  band_a        INTEGER NOT NULL,
  band_b        INTEGER NOT NULL,
  band_c        INTEGER NOT NULL,
  based_on      INTEGER REFERENCES grading_models (id),
  version       INTEGER NOT NULL DEFAULT 1,   -- the draft's ETag
  created_by    TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  published_by  TEXT,
  published_at  TEXT,
  CHECK (band_a > band_b AND band_b > band_c)
);
CREATE UNIQUE INDEX IF NOT EXISTS grading_models_one_draft     ON grading_models (state) WHERE state = 'draft';
CREATE UNIQUE INDEX IF NOT EXISTS grading_models_one_published ON grading_models (state) WHERE state = 'published';

CREATE TABLE IF NOT EXISTS grading_weights (
  model_id  INTEGER NOT NULL REFERENCES grading_models (id),
  factor    TEXT    NOT NULL,
  weight    INTEGER NOT NULL CHECK (weight BETWEEN -100 AND 100),
  PRIMARY KEY (model_id, factor)
) WITHOUT ROWID;

-- The grade the published model computed for a subject, from its file as
-- of a day. subjects.grade holds the grade in force: this one, or the open
-- override. No foreign keys: a publish rewrites a row per subject, and the
-- rows are written only by hcs-store-grading.c from a subject it just read.
CREATE TABLE IF NOT EXISTS subject_grades (
  subject_id  INTEGER PRIMARY KEY,
  model_id    INTEGER NOT NULL,
  score       INTEGER NOT NULL,
  grade       TEXT    NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  as_of       TEXT    NOT NULL
);

-- A supervisor's override of a computed grade, with its reason; lifted
-- (with a reason too) rather than deleted, so the history stays.
CREATE TABLE IF NOT EXISTS grade_overrides (
  id              INTEGER PRIMARY KEY,
  subject_id      INTEGER NOT NULL REFERENCES subjects (id),
  grade           TEXT    NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  reason          TEXT    NOT NULL CHECK (reason <> ''),
  actor           TEXT    NOT NULL,
  at              TEXT    NOT NULL,
  lifted_at       TEXT,
  lifted_by       TEXT,
  lifted_reason   TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS grade_overrides_open ON grade_overrides (subject_id) WHERE lifted_at IS NULL;
CREATE INDEX IF NOT EXISTS grade_overrides_subject ON grade_overrides (subject_id, id);
