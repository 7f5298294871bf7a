-- 信用修复 applications, each with a legal deadline from the application day
-- (《失信行为纠正后的信用信息修复管理办法（试行）》): 15 days for 行政处罚信息,
-- 20 days for 名单 entries. A case decided after it, or pending past it, is overdue.
CREATE TABLE repairs (
  id                INTEGER PRIMARY KEY,
  subject_id        INTEGER NOT NULL REFERENCES subjects (id),
  entry_id          INTEGER REFERENCES list_entries (id),
  kind              TEXT    NOT NULL CHECK (kind IN ('penalty', 'list_entry')),
  reason            TEXT    NOT NULL,
  commitment        INTEGER NOT NULL DEFAULT 0 CHECK (commitment IN (0, 1)),  -- 修复型信用承诺
  applied_on        TEXT    NOT NULL,
  deadline          TEXT    NOT NULL,
  state             TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_on        TEXT,
  decided_by        TEXT,
  decision_comment  TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  created_by        TEXT    NOT NULL,
  created_at        TEXT    NOT NULL,
  CHECK ((kind = 'list_entry') = (entry_id IS NOT NULL))
);
CREATE INDEX repairs_state   ON repairs (state, deadline);
CREATE INDEX repairs_subject ON repairs (subject_id);
CREATE INDEX repairs_entry   ON repairs (entry_id);
CREATE INDEX repairs_applied ON repairs (applied_on, id);
