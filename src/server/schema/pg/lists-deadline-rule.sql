-- 名单 deadlines by the holiday calendar (issue 9), the PostgreSQL twin of
-- ../lists-deadline-rule.sql: the notice and object steps keep the day their
-- legal time counts from, its end, and the rule that counted it; steps taken
-- before this version keep the calendar-day deadline they had (from the
-- entry's notice day, and from the objection's day in Hainan, UTC+8).
-- Idempotent.
ALTER TABLE list_entry_history ADD COLUMN IF NOT EXISTS starts_on text COLLATE "C";
ALTER TABLE list_entry_history ADD COLUMN IF NOT EXISTS deadline text COLLATE "C";
ALTER TABLE list_entry_history ADD COLUMN IF NOT EXISTS deadline_rule text COLLATE "C"
  CHECK (deadline_rule IN ('calendar_days', 'working_days'));
ALTER TABLE list_entry_history ADD COLUMN IF NOT EXISTS deadline_days bigint;
ALTER TABLE list_entry_history ADD COLUMN IF NOT EXISTS deadline_calendar text COLLATE "C";
UPDATE list_entry_history h
   SET starts_on = coalesce ((SELECT e.decided_on FROM list_entries e WHERE e.id = h.entry_id),
                             to_char ((CAST (h.at AS timestamptz) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')),
       deadline_rule = 'calendar_days',
       deadline_days = (SELECT t.notice_days FROM list_entries e JOIN list_types t ON t.key = e.list_type
                         WHERE e.id = h.entry_id)
 WHERE h.action = 'notice' AND h.deadline IS NULL;
UPDATE list_entry_history h
   SET starts_on = to_char ((CAST (h.at AS timestamptz) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'),
       deadline_rule = 'calendar_days',
       deadline_days = (SELECT t.objection_days FROM list_entries e JOIN list_types t ON t.key = e.list_type
                         WHERE e.id = h.entry_id)
 WHERE h.action = 'object' AND h.deadline IS NULL;
UPDATE list_entry_history
   SET deadline = to_char (CAST (starts_on AS date) + CAST (deadline_days AS integer), 'YYYY-MM-DD')
 WHERE action IN ('notice', 'object') AND deadline IS NULL;
