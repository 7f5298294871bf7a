-- 归集: imports of department files and the records they bring.
CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL,
  item_id       INTEGER REFERENCES catalog_items (id),
  actor         TEXT    NOT NULL,
  at            TEXT    NOT NULL,
  file_name     TEXT    NOT NULL DEFAULT '',
  file_sha256   TEXT    NOT NULL,
  encoding      TEXT    NOT NULL DEFAULT 'utf-8',
  rows_read     INTEGER NOT NULL DEFAULT 0,
  accepted      INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  uscc_errors   INTEGER NOT NULL DEFAULT 0,
  other_errors  INTEGER NOT NULL DEFAULT 0,
  duration_ms   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX imports_sha ON imports (file_sha256);

CREATE TABLE import_rejections (
  import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  row        INTEGER NOT NULL,
  field      TEXT    NOT NULL DEFAULT '',
  code       TEXT    NOT NULL,
  message    TEXT    NOT NULL,
  PRIMARY KEY (import_id, row, field, code)
) WITHOUT ROWID;
