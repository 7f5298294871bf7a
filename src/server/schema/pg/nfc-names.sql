-- Names in Unicode NFC (issue 11). The routes and the import store every
-- name composed (hc_input_clean()); rows written before that may hold a
-- decomposed form that a search typed composed misses, and a second
-- department of the "same" name. PostgreSQL: normalize (…, NFC).
-- Where two rows differ only in their normalisation and
-- the name is unique (departments), the second keeps its form rather than
-- failing the migration (SQLite's UPDATE OR IGNORE); an administrator renames it.
UPDATE subjects      SET name = normalize (name, NFC)                 WHERE name <> normalize (name, NFC);
UPDATE departments d SET name = normalize (d.name, NFC)
 WHERE d.name <> normalize (d.name, NFC)
   AND NOT EXISTS (SELECT 1 FROM departments o WHERE o.name = normalize (d.name, NFC));
UPDATE users         SET display_name = normalize (display_name, NFC) WHERE display_name <> normalize (display_name, NFC);
UPDATE catalog_items c SET name = normalize (c.name, NFC)
 WHERE c.name <> normalize (c.name, NFC)
   AND NOT EXISTS (SELECT 1 FROM catalog_items o
                    WHERE o.year = c.year AND o.department_id = c.department_id
                      AND o.name = normalize (c.name, NFC));
UPDATE risk_events   SET title = normalize (title, NFC)               WHERE title <> normalize (title, NFC);
