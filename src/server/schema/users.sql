-- Users, their sessions, and departments (信源单位 and list-designating bodies).
CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL UNIQUE,
  level       TEXT    NOT NULL DEFAULT 'provincial'
              CHECK (level IN ('provincial', 'county', 'central')),
  region      TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT    NOT NULL
);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT    NOT NULL UNIQUE,
  display_name   TEXT    NOT NULL DEFAULT '',
  role           TEXT    NOT NULL CHECK (role IN ('analyst', 'supervisor', 'admin')),
  password_hash  TEXT    NOT NULL,
  department_id  INTEGER REFERENCES departments (id),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);

-- Bearer tokens are kept only as their SHA-256.
CREATE TABLE sessions (
  token_hash  TEXT    PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL,   -- unix seconds
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_expiry ON sessions (expires_at);
