-- Every write: who, when, what, before and after (JSON text).
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL,
  actor      TEXT    NOT NULL,
  role       TEXT    NOT NULL,
  action     TEXT    NOT NULL,     -- e.g. subject.create, list_entry.transition
  entity     TEXT    NOT NULL,     -- e.g. subject, list_entry
  entity_id  TEXT,
  before     TEXT,
  after      TEXT
);
CREATE INDEX audit_actor  ON audit (actor, id);
CREATE INDEX audit_entity ON audit (entity, entity_id, id);
CREATE INDEX audit_at     ON audit (at, id);
