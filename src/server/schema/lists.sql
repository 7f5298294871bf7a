-- 名单: list types are data; entries with their measures and history.
CREATE TABLE list_types (
  key            TEXT    PRIMARY KEY,
  class          TEXT    NOT NULL CHECK (class IN ('red', 'black', 'watch')),
  name           TEXT    NOT NULL,
  description    TEXT    NOT NULL DEFAULT '',
  default_years  INTEGER NOT NULL DEFAULT 3
);

-- 措施清单
CREATE TABLE measures (
  id           INTEGER PRIMARY KEY,
  code         TEXT    NOT NULL UNIQUE,
  list_type    TEXT    NOT NULL REFERENCES list_types (key),
  name         TEXT    NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('incentive', 'restriction', 'supervision')),
  legal_basis  TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE list_entries (
  id               INTEGER PRIMARY KEY,
  list_type        TEXT    NOT NULL REFERENCES list_types (key),
  subject_id       INTEGER NOT NULL REFERENCES subjects (id),
  department_id    INTEGER NOT NULL REFERENCES departments (id),
  region           TEXT    NOT NULL,
  basis            TEXT    NOT NULL,        -- legal basis
  facts            TEXT    NOT NULL DEFAULT '',
  state            TEXT    NOT NULL DEFAULT 'proposed'
                   CHECK (state IN ('proposed', 'noticed', 'published', 'objected',
                                    'repaired', 'exited', 'expired')),
  decided_on       TEXT,
  published_from   TEXT,
  published_until  TEXT,
  version          INTEGER NOT NULL DEFAULT 1,
  created_by       TEXT    NOT NULL,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);
CREATE INDEX list_entries_type_state ON list_entries (list_type, state, id);
CREATE INDEX list_entries_subject    ON list_entries (subject_id);

CREATE TABLE list_entry_measures (
  entry_id    INTEGER NOT NULL REFERENCES list_entries (id) ON DELETE CASCADE,
  measure_id  INTEGER NOT NULL REFERENCES measures (id),
  PRIMARY KEY (entry_id, measure_id)
) WITHOUT ROWID;

CREATE TABLE list_entry_history (
  id          INTEGER PRIMARY KEY,
  entry_id    INTEGER NOT NULL REFERENCES list_entries (id) ON DELETE CASCADE,
  action      TEXT    NOT NULL,
  from_state  TEXT,
  to_state    TEXT    NOT NULL,
  reason      TEXT    NOT NULL DEFAULT '',
  actor       TEXT    NOT NULL,
  at          TEXT    NOT NULL
);
CREATE INDEX list_entry_history_entry ON list_entry_history (entry_id, id);

-- 名单自动比对: each batch match and its hits (效果自动反馈).
CREATE TABLE match_runs (
  id           INTEGER PRIMARY KEY,
  actor        TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  purpose      TEXT    NOT NULL DEFAULT '',
  subjects     INTEGER NOT NULL,
  invalid      INTEGER NOT NULL DEFAULT 0,
  hits         INTEGER NOT NULL,
  duration_ms  INTEGER NOT NULL
);

CREATE TABLE match_hits (
  run_id      INTEGER NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
  entry_id    INTEGER NOT NULL REFERENCES list_entries (id),
  identifier  TEXT    NOT NULL,
  PRIMARY KEY (run_id, entry_id)
) WITHOUT ROWID;
