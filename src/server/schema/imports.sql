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
  duration_ms   INTEGER NOT NULL DEFAULT 0,
  reasons       TEXT    NOT NULL DEFAULT '{}'   -- rejections by code: {"code": n, …}
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

CREATE INDEX imports_at ON imports (at);
CREATE INDEX imports_item ON imports (item_id);

-- 行政处罚. subject_id is set when the USCC names a registered 市场主体.
-- Records are indexed by subject_id, not by uscc: a random-keyed index
-- doubles the time of a million-row import (see bench/README-import.md).
-- The subject_id indexes are partial: rows of unregistered subjects (NULL)
-- are never looked up by subject, and leaving them out saves an index
-- insert per such row; `subject_id = ?` queries still use the index.
-- item_id and import_id have no foreign keys: SQLite would probe imports
-- and catalog_items for every row and keep a statement journal for it (8 %
-- of an import). Both are constant per import: hcs_import_run writes the
-- import's row first and its records after, in one transaction, copying
-- the row's id and item_id (whose foreign key checks the item). The
-- triggers below keep an import while records point at it, as a foreign
-- key would, so neither the import nor its catalog item can go from under
-- the records.
CREATE TABLE penalties (
  id               INTEGER PRIMARY KEY,
  uscc             TEXT    NOT NULL,
  subject_id       INTEGER REFERENCES subjects (id),
  name             TEXT    NOT NULL,
  decision_no      TEXT    NOT NULL UNIQUE,   -- 决定文书号
  authority        TEXT    NOT NULL,
  decided_on       TEXT    NOT NULL,
  category         TEXT    NOT NULL,
  amount           REAL    NOT NULL DEFAULT 0 CHECK (amount >= 0),
  publicity_until  TEXT,
  item_id          INTEGER NOT NULL,          -- = imports.item_id of import_id
  import_id        INTEGER NOT NULL           -- the import (see imports_keep_records)
);
CREATE INDEX penalties_subject ON penalties (subject_id) WHERE subject_id IS NOT NULL;

-- 行政许可.
CREATE TABLE licenses (
  id               INTEGER PRIMARY KEY,
  uscc             TEXT    NOT NULL,
  subject_id       INTEGER REFERENCES subjects (id),
  name             TEXT    NOT NULL,
  license_no       TEXT    NOT NULL UNIQUE,   -- 许可证书编号 / 决定文书号
  license_name     TEXT    NOT NULL,
  authority        TEXT    NOT NULL,
  decided_on       TEXT    NOT NULL,
  valid_until      TEXT,
  item_id          INTEGER NOT NULL,          -- = imports.item_id of import_id
  import_id        INTEGER NOT NULL           -- the import (see imports_keep_records)
);
CREATE INDEX licenses_subject ON licenses (subject_id) WHERE subject_id IS NOT NULL;

-- 信用承诺 (告知承诺) and whether it was kept.
CREATE TABLE commitments (
  id               INTEGER PRIMARY KEY,
  uscc             TEXT    NOT NULL,
  subject_id       INTEGER REFERENCES subjects (id),
  name             TEXT    NOT NULL,
  commitment_no    TEXT    NOT NULL UNIQUE,
  matter           TEXT    NOT NULL,          -- 承诺事项
  authority        TEXT    NOT NULL,          -- 受理机关
  committed_on     TEXT    NOT NULL,
  fulfilment       TEXT    NOT NULL DEFAULT 'pending'
                   CHECK (fulfilment IN ('pending', 'fulfilled', 'breached')),
  item_id          INTEGER NOT NULL,          -- = imports.item_id of import_id
  import_id        INTEGER NOT NULL           -- the import (see imports_keep_records)
);
CREATE INDEX commitments_subject ON commitments (subject_id) WHERE subject_id IS NOT NULL;

-- What the records' foreign keys on import_id did for deletions and
-- changes of an import (see above).
CREATE TRIGGER imports_keep_records BEFORE DELETE ON imports
WHEN EXISTS (SELECT 1 FROM penalties WHERE import_id = OLD.id)
  OR EXISTS (SELECT 1 FROM licenses WHERE import_id = OLD.id)
  OR EXISTS (SELECT 1 FROM commitments WHERE import_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'FOREIGN KEY constraint failed: records belong to this import');
END;

CREATE TRIGGER imports_keep_record_ids BEFORE UPDATE OF id, item_id ON imports
WHEN (NEW.id IS NOT OLD.id OR NEW.item_id IS NOT OLD.item_id)
  AND (EXISTS (SELECT 1 FROM penalties WHERE import_id = OLD.id)
    OR EXISTS (SELECT 1 FROM licenses WHERE import_id = OLD.id)
    OR EXISTS (SELECT 1 FROM commitments WHERE import_id = OLD.id))
BEGIN
  SELECT RAISE (ABORT, 'FOREIGN KEY constraint failed: records belong to this import');
END;
