-- 信用修复 (issue 9): each case keeps the rule its deadline was counted by,
-- fixed when the case is created, so that a later holiday calendar does not
-- move an existing deadline: deadline_rule working_days (deadline_days
-- working days of the calendar deadline_calendar) or calendar_days
-- (deadline_days calendar days; deadline_calendar names the calendar loaded
-- then, if any, that did not cover the days counted). Cases before this
-- version were counted in calendar days. Idempotent: test-api-input brings
-- a database back to version 7 and migrates it again.
ALTER TABLE repairs ADD COLUMN IF NOT EXISTS deadline_rule text COLLATE "C" NOT NULL DEFAULT 'calendar_days'
  CHECK (deadline_rule IN ('calendar_days', 'working_days'));
ALTER TABLE repairs ADD COLUMN IF NOT EXISTS deadline_days bigint;
ALTER TABLE repairs ADD COLUMN IF NOT EXISTS deadline_calendar text COLLATE "C";
UPDATE repairs SET deadline_days = CAST (deadline AS date) - CAST (applied_on AS date)
 WHERE deadline_days IS NULL;
