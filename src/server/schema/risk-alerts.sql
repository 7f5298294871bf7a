-- Early warning on the heat map (构建失信预警指标，定期监测, 专栏1): rules per
-- risk category, optionally per 市县, and the alerts they raise when risk
-- events arrive.
CREATE TABLE risk_rules (
  id             INTEGER PRIMARY KEY,
  category       TEXT    NOT NULL
                 CHECK (category IN ('smuggling', 'finance', 'food_drug', 'environment',
                                     'public_health', 'construction', 'tourism', 'work_safety')),
  region         TEXT,                 -- NULL: every 市县
  kind           TEXT    NOT NULL CHECK (kind IN ('threshold', 'rise')),
  window_months  INTEGER NOT NULL CHECK (window_months BETWEEN 1 AND 24),
  -- threshold: events per 10,000 enterprises over the window;
  -- rise: percent more events than in the window before
  threshold      REAL    NOT NULL CHECK (threshold > 0),
  active         INTEGER NOT NULL DEFAULT 1,
  created_by     TEXT    NOT NULL,
  created_at     TEXT    NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX risk_rules_category ON risk_rules (category, active);

CREATE TABLE risk_alerts (
  id               INTEGER PRIMARY KEY,
  rule_id          INTEGER NOT NULL REFERENCES risk_rules (id),
  region           TEXT    NOT NULL,
  category         TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  state            TEXT    NOT NULL DEFAULT 'raised'
                   CHECK (state IN ('raised', 'acknowledged', 'closed')),
  window_from      TEXT    NOT NULL,   -- YYYY-MM
  window_to        TEXT    NOT NULL,   -- YYYY-MM
  events           INTEGER NOT NULL,
  value            REAL    NOT NULL,   -- per 10,000 enterprises, or percent rise
  threshold        REAL    NOT NULL,
  raised_at        TEXT    NOT NULL,
  acknowledged_by  TEXT,
  acknowledged_at  TEXT,
  note             TEXT,
  closed_by        TEXT,
  closed_at        TEXT,
  version          INTEGER NOT NULL DEFAULT 1
);
-- A rule has at most one alert open per 市县: a stream of events that stays
-- above the line raises it once.
CREATE UNIQUE INDEX risk_alerts_one_open ON risk_alerts (rule_id, region) WHERE state <> 'closed';
CREATE INDEX risk_alerts_state ON risk_alerts (state, id);
