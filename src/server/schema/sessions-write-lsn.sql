-- The write-ahead-log position of a session's last write (issue 15,
-- --db-read): over PostgreSQL, a token's reads go to the replica only once
-- it has replayed that far. Unused over SQLite (no replica), kept for the
-- same schema on both backends.
ALTER TABLE sessions ADD COLUMN write_lsn TEXT;
