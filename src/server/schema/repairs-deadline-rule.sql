-- 信用修复 (issue 9): each case keeps the rule its deadline was counted by,
-- fixed when the case is created, so that a later holiday calendar does not
-- move an existing deadline: deadline_rule working_days (deadline_days
-- working days of the calendar deadline_calendar) or calendar_days
-- (deadline_days calendar days; deadline_calendar names the calendar loaded
-- then, if any, that did not cover the days counted). Cases before this
-- version were counted in calendar days. Idempotent: test-api-input brings
-- a database back to version 7 and migrates it again.
ALTER TABLE repairs ADD COLUMN deadline_rule TEXT NOT NULL DEFAULT 'calendar_days'
  CHECK (deadline_rule IN ('calendar_days', 'working_days'));
ALTER TABLE repairs ADD COLUMN deadline_days INTEGER;
ALTER TABLE repairs ADD COLUMN deadline_calendar TEXT;
UPDATE repairs SET deadline_days = CAST (julianday (deadline) - julianday (applied_on) AS INTEGER)
 WHERE deadline_days IS NULL;
