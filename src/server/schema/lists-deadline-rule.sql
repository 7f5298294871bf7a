-- 名单 deadlines by the holiday calendar (issue 9): the step that starts a
-- legal time keeps the deadline it set and the rule it was counted by, fixed
-- when the step is taken, as a repair case does (repairs-deadline-rule.sql):
-- 告知 (notice) starts the notice period, at whose end a black- or
-- watch-list entry may be published; 异议 (object) starts the time the
-- objection must be decided in. starts_on is the day the time counts from
-- (the notice's day; the day the objection was received), deadline the day
-- it ends, deadline_rule working_days (deadline_days working days of the
-- calendar deadline_calendar) or calendar_days (deadline_calendar names the
-- calendar loaded then, if any, that did not cover the days counted).
-- Steps taken before this version keep the deadline they had: calendar
-- days of the type's current period, counted from the entry's notice day
-- and the objection's day in Hainan. Idempotent: test-api-input brings a
-- database back to version 7 and migrates it again.
ALTER TABLE list_entry_history ADD COLUMN starts_on TEXT;
ALTER TABLE list_entry_history ADD COLUMN deadline TEXT;
ALTER TABLE list_entry_history ADD COLUMN deadline_rule TEXT
  CHECK (deadline_rule IN ('calendar_days', 'working_days'));
ALTER TABLE list_entry_history ADD COLUMN deadline_days INTEGER;
ALTER TABLE list_entry_history ADD COLUMN deadline_calendar TEXT;
UPDATE list_entry_history
   SET starts_on = coalesce ((SELECT e.decided_on FROM list_entries e WHERE e.id = entry_id), date (at, '+8 hours')),
       deadline_rule = 'calendar_days',
       deadline_days = (SELECT t.notice_days FROM list_entries e JOIN list_types t ON t.key = e.list_type
                         WHERE e.id = entry_id)
 WHERE action = 'notice' AND deadline IS NULL;
UPDATE list_entry_history
   SET starts_on = date (at, '+8 hours'),
       deadline_rule = 'calendar_days',
       deadline_days = (SELECT t.objection_days FROM list_entries e JOIN list_types t ON t.key = e.list_type
                         WHERE e.id = entry_id)
 WHERE action = 'object' AND deadline IS NULL;
UPDATE list_entry_history SET deadline = date (starts_on, printf ('+%d days', deadline_days))
 WHERE action IN ('notice', 'object') AND deadline IS NULL;
