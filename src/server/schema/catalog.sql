-- 公共信用信息目录, versioned by year.
CREATE TABLE catalog_versions (
  year          INTEGER PRIMARY KEY,
  state         TEXT    NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published')),
  copied_from   INTEGER REFERENCES catalog_versions (year),
  published_at  TEXT,
  published_by  TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT    NOT NULL
);

-- lineage: stable key of an item across yearly versions (kept when copied),
-- so versions can be diffed item by item.
CREATE TABLE catalog_items (
  id                 INTEGER PRIMARY KEY,
  year               INTEGER NOT NULL REFERENCES catalog_versions (year),
  lineage            TEXT    NOT NULL,
  category           TEXT    NOT NULL,
  name               TEXT    NOT NULL,
  subject_type       TEXT    NOT NULL
                     CHECK (subject_type IN ('legal_person', 'unincorporated', 'natural_person')),
  department_id      INTEGER NOT NULL REFERENCES departments (id),
  disclosure         TEXT    NOT NULL CHECK (disclosure IN ('public', 'conditional', 'restricted')),
  update_frequency   TEXT    NOT NULL DEFAULT 'monthly',
  legal_basis        TEXT    NOT NULL DEFAULT '',
  publicity_period   TEXT    NOT NULL DEFAULT '',
  expected_records   INTEGER NOT NULL DEFAULT 0 CHECK (expected_records >= 0),
  collected_records  INTEGER NOT NULL DEFAULT 0 CHECK (collected_records >= 0),
  version            INTEGER NOT NULL DEFAULT 1,
  UNIQUE (year, lineage),
  UNIQUE (year, department_id, name)
);
CREATE INDEX catalog_items_year ON catalog_items (year, category, id);
