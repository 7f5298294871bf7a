-- 信用档案 (专栏1) and 信用报告 (四.(三).2): what the credit file adds to the
-- record tables of imports.sql.

-- 按标准记录承诺及践诺情况 (四.(四).1): a commitment's fulfilment is decided
-- by the department that holds it, on a date, with a note; a breached one
-- may have led to a 重点关注名单 entry.
ALTER TABLE commitments ADD COLUMN fulfilment_on   TEXT;
ALTER TABLE commitments ADD COLUMN fulfilment_note TEXT NOT NULL DEFAULT '';
ALTER TABLE commitments ADD COLUMN fulfilment_by   TEXT;
ALTER TABLE commitments ADD COLUMN watch_entry_id  INTEGER REFERENCES list_entries (id);
ALTER TABLE commitments ADD COLUMN version         INTEGER NOT NULL DEFAULT 1;

-- A repair of 行政处罚信息 names the penalty it repairs: an approved one
-- takes the penalty out of 双公示 (四.(四).5: 已修复并不再公示).
ALTER TABLE repairs ADD COLUMN penalty_id INTEGER REFERENCES penalties (id);
CREATE INDEX repairs_penalty ON repairs (penalty_id) WHERE penalty_id IS NOT NULL;

-- A subject's match hits, through its list entries.
CREATE INDEX match_hits_entry ON match_hits (entry_id);

-- 公共信用信息报告: every report issued, so that a report can be verified
-- by its number and the SHA-256 of its file.
CREATE TABLE reports (
  id            INTEGER PRIMARY KEY,
  number        TEXT    NOT NULL UNIQUE,
  subject_id    INTEGER NOT NULL REFERENCES subjects (id),
  subject_name  TEXT    NOT NULL,
  actor         TEXT    NOT NULL,
  role          TEXT    NOT NULL,
  issued_at     TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  pages         INTEGER NOT NULL
);
CREATE INDEX reports_subject ON reports (subject_id, id);
