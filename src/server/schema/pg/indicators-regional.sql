-- 部门和市县目标管理 (六(二), issue 10): the province sets, per indicator,
-- the target of its 市县 (region '' for all of them, a code for one) and
-- how far short of it is still 预警 (warning_gap); further short is
-- 未达标. Without a row a 市县's target is the province's. Idempotent.
CREATE TABLE IF NOT EXISTS indicator_region_targets (
  indicator    text COLLATE "C"    NOT NULL,
  region       text COLLATE "C"    NOT NULL DEFAULT '',
  target       double precision    NOT NULL,
  warning_gap  double precision    NOT NULL DEFAULT 0 CHECK (warning_gap >= 0),
  set_by       text COLLATE "C"    NOT NULL,
  set_at       text COLLATE "C"    NOT NULL,
  version      bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (indicator, region)
);

-- The review queue reads every value awaiting review.
CREATE INDEX IF NOT EXISTS indicator_values_state ON indicator_values (state, year);
