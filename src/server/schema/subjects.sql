-- 市场主体: USCC-keyed organisations and ID-keyed persons.
CREATE TABLE subjects (
  id             INTEGER PRIMARY KEY,
  identifier     TEXT    NOT NULL UNIQUE,   -- normalised USCC or ID number
  name           TEXT    NOT NULL,
  type           TEXT    NOT NULL
                 CHECK (type IN ('legal_person', 'unincorporated', 'natural_person')),
  region         TEXT    NOT NULL,          -- GB/T 2260 code of the 市县
  industry       TEXT    NOT NULL DEFAULT '',
  status         TEXT    NOT NULL DEFAULT 'active'
                 CHECK (status IN ('active', 'deregistered', 'revoked')),
  grade          TEXT    CHECK (grade IN ('A', 'B', 'C', 'D')),
  registered_on  TEXT,
  import_id      INTEGER,                   -- the 归集 import that registered it, if any
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
CREATE INDEX subjects_region ON subjects (region, id);
CREATE INDEX subjects_name   ON subjects (name);
-- A 市县 filter pages in each order through its own index.
CREATE INDEX subjects_region_name       ON subjects (region, name);
CREATE INDEX subjects_region_identifier ON subjects (region, identifier);
