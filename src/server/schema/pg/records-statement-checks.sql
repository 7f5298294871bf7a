-- Migration 23 (issue 15): the records' subject_id and their numbers kept
-- once a statement rather than once a row.
--
-- The foreign key subject_id → subjects (id) of penalties, licenses and
-- commitments was checked by PostgreSQL a row: an AFTER trigger a row that
-- looks the subject up and locks it FOR KEY SHARE, about 1 s of an import
-- of 100,000 rows (bench/README.md), which no one but a superuser can turn
-- off for one transaction. Locking the subjects by one statement instead
-- cost as much (1.3 s: a lock is a write of the subject's row). It is now
-- checked by a trigger a statement, with the same guarantee:
--   - a write of records (INSERT, COPY, UPDATE; whoever writes: an import,
--     the API, psql) fails when a subject its rows name does not exist
--     (foreign_key_violation), as the row check did;
--   - a subject's delete or change of id fails while a record names it,
--     and first takes the records tables in SHARE mode: it waits for every
--     transaction writing records to end (and then sees their records), and
--     a writer of records that comes after waits for it to end (and then
--     finds the subject gone). Writers of records do not wait for each
--     other; subjects are never deleted by the server (repairs by hand).
--   Both checks look at what was committed meanwhile only in READ
--   COMMITTED (a new snapshot a statement; PostgreSQL's own checks have a
--   snapshot of their own for that). A writer of records in REPEATABLE
--   READ or SERIALIZABLE locks the subjects its rows name FOR KEY SHARE
--   instead, which fails on a subject deleted since its snapshot
--   (serialization_failure), as PostgreSQL's check does; a subject is
--   deleted or renumbered in READ COMMITTED only.
-- Statement triggers on a partitioned table fire for statements on the
-- table, not on one of its partitions: the records are written through the
-- tables (a partition is written directly only by the move of a month's
-- rows out of the DEFAULT partition, hcs-store-pg-parts.c, which moves the
-- same rows).
--
-- record_numbers: an insert of records adds their numbers by one INSERT …
-- SELECT from the statement's new rows, instead of a PL/pgSQL INSERT a row
-- (the INSERT of 100,000 records took 2 s more with the row trigger,
-- bench/README.md, "Statement checks"); deletes and changes of a number stay row by row
-- (record_numbers_keep, imports.sql). A number written twice still fails on
-- record_numbers' key (unique_violation), for the whole statement.
--
-- Idempotent: test-api-input brings a database back to version 7 and lets
-- the server apply the later migrations again.

ALTER TABLE penalties DROP CONSTRAINT IF EXISTS penalties_subject_id_fkey;
ALTER TABLE licenses DROP CONSTRAINT IF EXISTS licenses_subject_id_fkey;
ALTER TABLE commitments DROP CONSTRAINT IF EXISTS commitments_subject_id_fkey;

-- The subjects that the statement's rows (new_records) name: the
-- statement fails when one is missing.
CREATE OR REPLACE FUNCTION records_subjects_check () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named bigint;
  locked bigint := 0;
BEGIN
  IF current_setting ('transaction_isolation') = 'read committed' THEN
    -- a delete of a subject waits for this transaction (subjects_keep_records)
    SELECT count(*) INTO named FROM (SELECT DISTINCT subject_id FROM new_records n
      WHERE n.subject_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM subjects s WHERE s.id = n.subject_id)) m;
  ELSE
    SELECT count(DISTINCT subject_id) INTO named FROM new_records WHERE subject_id IS NOT NULL;
    IF named > 0 THEN
      SELECT count(*) INTO locked
        FROM (SELECT 1 FROM subjects s WHERE s.id IN (SELECT subject_id FROM new_records) FOR KEY SHARE OF s) l;
    END IF;
    named := named - locked;
  END IF;
  IF named > 0 THEN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_subject_id_fkey"',
      TG_TABLE_NAME, TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format ('%s of the subjects its rows name are not in table "subjects".', named);
  END IF;
  RETURN NULL;
END
$$;

-- A subject's delete or change of id, refused while records name it.
CREATE OR REPLACE FUNCTION subjects_keep_records () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
    RETURN NULL;
  END IF;
  IF current_setting ('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'a subject is deleted or renumbered in a READ COMMITTED transaction only (records may name it)'
      USING ERRCODE = 'serialization_failure';
  END IF;
  -- the transactions writing records end first; later ones wait for this one
  LOCK TABLE penalties, licenses, commitments IN SHARE MODE;
  IF EXISTS (SELECT 1 FROM penalties WHERE subject_id = OLD.id)
     OR EXISTS (SELECT 1 FROM licenses WHERE subject_id = OLD.id)
     OR EXISTS (SELECT 1 FROM commitments WHERE subject_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "subjects" violates foreign key constraint of records'
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format ('Key (id)=(%s) is still referenced from penalties, licenses or commitments.', OLD.id);
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE of subjects while records name one (the foreign key refused
-- any TRUNCATE of subjects alone).
CREATE OR REPLACE FUNCTION subjects_keep_records_truncate () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE penalties, licenses, commitments IN SHARE MODE;
  IF EXISTS (SELECT 1 FROM penalties WHERE subject_id IS NOT NULL)
     OR EXISTS (SELECT 1 FROM licenses WHERE subject_id IS NOT NULL)
     OR EXISTS (SELECT 1 FROM commitments WHERE subject_id IS NOT NULL) THEN
    RAISE EXCEPTION 'cannot truncate table "subjects": records name its subjects'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

-- The numbers of the statement's new records.
CREATE OR REPLACE FUNCTION record_numbers_add () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- one branch a table, as record_numbers_keep (imports.sql)
  IF TG_ARGV[0] = 'penalties' THEN
    INSERT INTO record_numbers (kind, number, record_id) SELECT 'penalties', decision_no, id FROM new_records;
  ELSIF TG_ARGV[0] = 'licenses' THEN
    INSERT INTO record_numbers (kind, number, record_id) SELECT 'licenses', license_no, id FROM new_records;
  ELSE
    INSERT INTO record_numbers (kind, number, record_id) SELECT 'commitments', commitment_no, id FROM new_records;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS penalties_subjects_insert ON penalties;
CREATE TRIGGER penalties_subjects_insert AFTER INSERT ON penalties REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_subjects_check ();
DROP TRIGGER IF EXISTS penalties_subjects_update ON penalties;
CREATE TRIGGER penalties_subjects_update AFTER UPDATE ON penalties REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_subjects_check ();
DROP TRIGGER IF EXISTS licenses_subjects_insert ON licenses;
CREATE TRIGGER licenses_subjects_insert AFTER INSERT ON licenses REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_subjects_check ();
DROP TRIGGER IF EXISTS licenses_subjects_update ON licenses;
CREATE TRIGGER licenses_subjects_update AFTER UPDATE ON licenses REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_subjects_check ();
DROP TRIGGER IF EXISTS commitments_subjects_insert ON commitments;
CREATE TRIGGER commitments_subjects_insert AFTER INSERT ON commitments REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_subjects_check ();
DROP TRIGGER IF EXISTS commitments_subjects_update ON commitments;
CREATE TRIGGER commitments_subjects_update AFTER UPDATE ON commitments REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_subjects_check ();

DROP TRIGGER IF EXISTS subjects_keep_records ON subjects;
CREATE TRIGGER subjects_keep_records AFTER DELETE OR UPDATE OF id ON subjects
  FOR EACH ROW EXECUTE FUNCTION subjects_keep_records ();
DROP TRIGGER IF EXISTS subjects_keep_records_truncate ON subjects;
CREATE TRIGGER subjects_keep_records_truncate BEFORE TRUNCATE ON subjects
  FOR EACH STATEMENT EXECUTE FUNCTION subjects_keep_records_truncate ();

-- record_numbers: inserts by statement, deletes and changes by row.
DROP TRIGGER IF EXISTS penalties_numbers ON penalties;
CREATE TRIGGER penalties_numbers AFTER DELETE OR UPDATE OF id, decision_no ON penalties
  FOR EACH ROW EXECUTE FUNCTION record_numbers_keep ('penalties');
DROP TRIGGER IF EXISTS penalties_numbers_insert ON penalties;
CREATE TRIGGER penalties_numbers_insert AFTER INSERT ON penalties REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION record_numbers_add ('penalties');
DROP TRIGGER IF EXISTS licenses_numbers ON licenses;
CREATE TRIGGER licenses_numbers AFTER DELETE OR UPDATE OF id, license_no ON licenses
  FOR EACH ROW EXECUTE FUNCTION record_numbers_keep ('licenses');
DROP TRIGGER IF EXISTS licenses_numbers_insert ON licenses;
CREATE TRIGGER licenses_numbers_insert AFTER INSERT ON licenses REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION record_numbers_add ('licenses');
DROP TRIGGER IF EXISTS commitments_numbers ON commitments;
CREATE TRIGGER commitments_numbers AFTER DELETE OR UPDATE OF id, commitment_no ON commitments
  FOR EACH ROW EXECUTE FUNCTION record_numbers_keep ('commitments');
DROP TRIGGER IF EXISTS commitments_numbers_insert ON commitments;
CREATE TRIGGER commitments_numbers_insert AFTER INSERT ON commitments REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION record_numbers_add ('commitments');

-- After a bulk copy with the user triggers off (`migrate`), which now
-- include the check of subject_id: record_numbers made again from the
-- copied rows, and the copy refused when a record names a subject that is
-- not there.
CREATE OR REPLACE FUNCTION hc_after_copy () RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM record_numbers;
  INSERT INTO record_numbers (kind, number, record_id)
    SELECT 'penalties', decision_no, id FROM penalties
    UNION ALL SELECT 'licenses', license_no, id FROM licenses
    UNION ALL SELECT 'commitments', commitment_no, id FROM commitments;
  IF EXISTS (SELECT 1 FROM penalties r WHERE r.subject_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM subjects s WHERE s.id = r.subject_id))
     OR EXISTS (SELECT 1 FROM licenses r WHERE r.subject_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM subjects s WHERE s.id = r.subject_id))
     OR EXISTS (SELECT 1 FROM commitments r WHERE r.subject_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM subjects s WHERE s.id = r.subject_id)) THEN
    RAISE EXCEPTION 'the copy has records of a subject that is not there'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
END
$$;
