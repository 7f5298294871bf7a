-- 双随机、一公开 (四.(四).3, 五.(十).2): inspection plans with a sampling
-- ratio per credit grade, their random and verifiable draws, and the result
-- of each inspection (issue 13). IF NOT EXISTS: test-api-input brings a
-- database back to version 7 and migrates it again.

-- A plan: who inspects (a department and the pool of its users), whom (the
-- scope: 市县, industry, subject type; NULL is any) and how many of each
-- grade (ratio_* in hundredths of a percent: 250 is 2.5 %). An inspector
-- may not inspect a subject they inspected within exclusion_days before
-- the draw, nor one they declared a conflict with.
CREATE TABLE IF NOT EXISTS inspection_plans (
  id              INTEGER PRIMARY KEY,
  title           TEXT    NOT NULL CHECK (title <> ''),
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  region          TEXT,
  industry        TEXT,
  subject_type    TEXT,
  ratio_a         INTEGER NOT NULL CHECK (ratio_a BETWEEN 0 AND 10000),
  ratio_b         INTEGER NOT NULL CHECK (ratio_b BETWEEN 0 AND 10000),
  ratio_c         INTEGER NOT NULL CHECK (ratio_c BETWEEN 0 AND 10000),
  ratio_d         INTEGER NOT NULL CHECK (ratio_d BETWEEN 0 AND 10000),
  exclusion_days  INTEGER NOT NULL DEFAULT 365 CHECK (exclusion_days BETWEEN 0 AND 3650),
  created_by      TEXT    NOT NULL,
  created_at      TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS inspection_inspectors (
  plan_id  INTEGER NOT NULL REFERENCES inspection_plans (id),
  user_id  INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (plan_id, user_id)
) WITHOUT ROWID;

-- 回避: an inspector's declared conflict with a subject.
CREATE TABLE IF NOT EXISTS inspection_conflicts (
  plan_id     INTEGER NOT NULL REFERENCES inspection_plans (id),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  subject_id  INTEGER NOT NULL REFERENCES subjects (id),
  reason      TEXT    NOT NULL CHECK (reason <> ''),
  PRIMARY KEY (plan_id, user_id, subject_id)
) WITHOUT ROWID;

-- A draw, final once made: a redraw (with its reason) supersedes it and
-- keeps it. What the draw read is kept beside its seed — the candidates
-- ("grade subject_id" lines, in the draw's order) and the excluded pairs
-- ("user_id subject_id" lines) with their SHA-256 — so that anyone can
-- draw again from the plan, the seed and this snapshot
-- (GET /inspections/draws/{id}/verify).
CREATE TABLE IF NOT EXISTS inspection_draws (
  id                  INTEGER PRIMARY KEY,
  plan_id             INTEGER NOT NULL REFERENCES inspection_plans (id),
  state               TEXT    NOT NULL DEFAULT 'final' CHECK (state IN ('final', 'superseded')),
  seed                TEXT    NOT NULL,
  candidates          TEXT    NOT NULL,
  candidates_sha256   TEXT    NOT NULL,
  exclusions          TEXT    NOT NULL,
  exclusions_sha256   TEXT    NOT NULL,
  n_candidates        INTEGER NOT NULL,
  n_drawn             INTEGER NOT NULL,
  reason              TEXT,
  replaces            INTEGER REFERENCES inspection_draws (id),
  drawn_by            TEXT    NOT NULL,
  drawn_at            TEXT    NOT NULL,
  drawn_on            TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS inspection_draws_final ON inspection_draws (plan_id) WHERE state = 'final';
CREATE INDEX IF NOT EXISTS inspection_draws_plan ON inspection_draws (plan_id, id);

-- One subject drawn, its two inspectors, and its result: 合格 (pass),
-- 责令整改 (rectify), 不合格 (fail). A result is recorded once and published
-- (一公开); a 不合格 counts in the subject's grade (the factor
-- inspections_failed of 公共信用综合评价).
CREATE TABLE IF NOT EXISTS inspections (
  id            INTEGER PRIMARY KEY,
  draw_id       INTEGER NOT NULL REFERENCES inspection_draws (id),
  plan_id       INTEGER NOT NULL REFERENCES inspection_plans (id),
  position      INTEGER NOT NULL,
  subject_id    INTEGER NOT NULL REFERENCES subjects (id),
  grade         TEXT    NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  inspector_1   INTEGER NOT NULL REFERENCES users (id),
  inspector_2   INTEGER NOT NULL REFERENCES users (id),
  result        TEXT    CHECK (result IN ('pass', 'rectify', 'fail')),
  note          TEXT    NOT NULL DEFAULT '',
  recorded_by   TEXT,
  recorded_on   TEXT,
  recorded_at   TEXT,
  CHECK (inspector_1 <> inspector_2)
);
CREATE INDEX IF NOT EXISTS inspections_draw ON inspections (draw_id, id);
CREATE INDEX IF NOT EXISTS inspections_subject ON inspections (subject_id, recorded_on) WHERE result IS NOT NULL;
CREATE INDEX IF NOT EXISTS inspections_published ON inspections (recorded_on, id) WHERE result IS NOT NULL;
