-- 公共信用综合评价: the day each computed grade is as of, indexed, so that
-- the refresh of grades of an earlier day (hcs-grade-refresh.c) finds that
-- there is none in one probe rather than a scan of every subject's grade
-- (issue 13). Idempotent: test-api-input migrates again from version 7.
CREATE INDEX IF NOT EXISTS subject_grades_as_of ON subject_grades (as_of);
