-- Risk events and their monthly roll-up (kept by triggers) for heat maps.
CREATE TABLE region_population (
  region      TEXT    PRIMARY KEY,
  population  INTEGER NOT NULL CHECK (population > 0)
) WITHOUT ROWID;

CREATE TABLE risk_events (
  id             INTEGER PRIMARY KEY,
  region         TEXT    NOT NULL,
  month          TEXT    NOT NULL,   -- YYYY-MM, from occurred_on
  occurred_on    TEXT    NOT NULL,   -- YYYY-MM-DD
  category       TEXT    NOT NULL
                 CHECK (category IN ('smuggling', 'finance', 'food_drug', 'environment',
                                     'public_health', 'construction', 'tourism', 'work_safety')),
  severity       INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
  subject_id     INTEGER REFERENCES subjects (id),
  department_id  INTEGER REFERENCES departments (id),
  title          TEXT    NOT NULL,
  description    TEXT    NOT NULL DEFAULT '',
  created_by     TEXT    NOT NULL,
  created_at     TEXT    NOT NULL
);
CREATE INDEX risk_events_region_month ON risk_events (region, month, id);

CREATE TABLE risk_rollup (
  region        TEXT    NOT NULL,
  month         TEXT    NOT NULL,
  category      TEXT    NOT NULL,
  events        INTEGER NOT NULL,
  severity_sum  INTEGER NOT NULL,
  PRIMARY KEY (month, region, category)
) WITHOUT ROWID;

CREATE TRIGGER risk_events_rollup_insert AFTER INSERT ON risk_events
BEGIN
  INSERT INTO risk_rollup (region, month, category, events, severity_sum)
  VALUES (NEW.region, NEW.month, NEW.category, 1, NEW.severity)
  ON CONFLICT (month, region, category) DO UPDATE
    SET events = events + 1, severity_sum = severity_sum + NEW.severity;
END;

CREATE TRIGGER risk_events_rollup_delete AFTER DELETE ON risk_events
BEGIN
  UPDATE risk_rollup SET events = events - 1, severity_sum = severity_sum - OLD.severity
   WHERE month = OLD.month AND region = OLD.region AND category = OLD.category;
END;
