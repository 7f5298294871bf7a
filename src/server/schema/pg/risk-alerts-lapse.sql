-- 预警 (issue 10): a rule created or edited is judged at once over the
-- current window; an open alert that the rule, as it now stands, would no
-- longer raise is not deleted or closed: it stays open for a person to
-- close, marked with when that was found (lapsed_at), the figure the
-- edited rule found (lapsed_value; NULL when there was nothing to judge or
-- the 市县 is no longer watched) and its new line (lapsed_threshold). The
-- mark goes when a later edit calls for the alert again. Idempotent.
ALTER TABLE risk_alerts ADD COLUMN IF NOT EXISTS lapsed_at text COLLATE "C";
ALTER TABLE risk_alerts ADD COLUMN IF NOT EXISTS lapsed_value double precision;
ALTER TABLE risk_alerts ADD COLUMN IF NOT EXISTS lapsed_threshold double precision;
