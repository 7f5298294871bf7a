-- Reported indicator values (表1); computed ones are derived from the data.
-- region '' is the province as a whole.
CREATE TABLE indicator_values (
  indicator       TEXT    NOT NULL,
  year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  region          TEXT    NOT NULL DEFAULT '',
  value           REAL    NOT NULL,
  evidence        TEXT    NOT NULL DEFAULT '',
  state           TEXT    NOT NULL DEFAULT 'submitted'
                  CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
  submitted_by    TEXT,
  submitted_at    TEXT,
  reviewed_by     TEXT,
  reviewed_at     TEXT,
  review_comment  TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (indicator, year, region)
) WITHOUT ROWID;
