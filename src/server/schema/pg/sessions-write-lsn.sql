-- The write-ahead-log position of a session's last write (issue 15,
-- --db-read): a token's reads go to the replica only once it has replayed
-- that far (pg_last_wal_replay_lsn), else to the primary. Idempotent.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS write_lsn text COLLATE "C";
