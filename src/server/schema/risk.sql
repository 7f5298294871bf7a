-- Risk events and their monthly roll-up (kept by triggers) for heat maps.
CREATE TABLE region_population (
  region      TEXT    PRIMARY KEY,
  population  INTEGER NOT NULL CHECK (population > 0)
) WITHOUT ROWID;

-- Resident population of the 19 市县, approximate figures of the 2020 census
-- (第七次全国人口普查), for heat maps normalised per 10,000 residents.
INSERT INTO region_population (region, population) VALUES
  ('460100', 2873358),   -- 海口市
  ('460200', 1031396),   -- 三亚市
  ('460300',    2333),   -- 三沙市
  ('460400',  954259),   -- 儋州市
  ('469001',  112269),   -- 五指山市
  ('469002',  528238),   -- 琼海市
  ('469005',  560894),   -- 文昌市
  ('469006',  545992),   -- 万宁市
  ('469007',  444458),   -- 东方市
  ('469021',  284643),   -- 定安县
  ('469022',  223315),   -- 屯昌县
  ('469023',  497953),   -- 澄迈县
  ('469024',  427873),   -- 临高县
  ('469025',  166419),   -- 白沙黎族自治县
  ('469026',  232124),   -- 昌江黎族自治县
  ('469027',  464435),   -- 乐东黎族自治县
  ('469028',  372183),   -- 陵水黎族自治县
  ('469029',  155565),   -- 保亭黎族苗族自治县
  ('469030',  173113);   -- 琼中黎族苗族自治县

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
  created_at     TEXT    NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK (month = substr (occurred_on, 1, 7))
);
-- Newest first, with or without a 市县 filter (GET /risk/events).
CREATE INDEX risk_events_occurred ON risk_events (occurred_on, id);
CREATE INDEX risk_events_region_occurred ON risk_events (region, occurred_on, id);

-- One row per (month, 市县, category) that has events; the heat map reads
-- only this table. The triggers keep it equal to the aggregate of
-- risk_events under every insert, delete and update.
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
    SET events = events + 1, severity_sum = severity_sum + excluded.severity_sum;
END;

CREATE TRIGGER risk_events_rollup_delete AFTER DELETE ON risk_events
BEGIN
  UPDATE risk_rollup SET events = events - 1, severity_sum = severity_sum - OLD.severity
   WHERE month = OLD.month AND region = OLD.region AND category = OLD.category;
  DELETE FROM risk_rollup
   WHERE month = OLD.month AND region = OLD.region AND category = OLD.category AND events = 0;
END;

CREATE TRIGGER risk_events_rollup_update
AFTER UPDATE OF region, month, category, severity ON risk_events
BEGIN
  UPDATE risk_rollup SET events = events - 1, severity_sum = severity_sum - OLD.severity
   WHERE month = OLD.month AND region = OLD.region AND category = OLD.category;
  DELETE FROM risk_rollup
   WHERE month = OLD.month AND region = OLD.region AND category = OLD.category AND events = 0;
  INSERT INTO risk_rollup (region, month, category, events, severity_sum)
  VALUES (NEW.region, NEW.month, NEW.category, 1, NEW.severity)
  ON CONFLICT (month, region, category) DO UPDATE
    SET events = events + 1, severity_sum = severity_sum + excluded.severity_sum;
END;
