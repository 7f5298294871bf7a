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
  item_id          INTEGER NOT NULL REFERENCES catalog_items (id),
  import_id        INTEGER NOT NULL REFERENCES imports (id)
);
CREATE INDEX penalties_subject ON penalties (subject_id);

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
  item_id          INTEGER NOT NULL REFERENCES catalog_items (id),
  import_id        INTEGER NOT NULL REFERENCES imports (id)
);
CREATE INDEX licenses_subject ON licenses (subject_id);

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
  item_id          INTEGER NOT NULL REFERENCES catalog_items (id),
  import_id        INTEGER NOT NULL REFERENCES imports (id)
);
CREATE INDEX commitments_subject ON commitments (subject_id);
