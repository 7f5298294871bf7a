-- Names in Unicode NFC (issue 11). The routes and the import store every
-- name composed (hc_input_clean()); rows written before that may hold a
-- decomposed form that a search typed composed misses, and a second
-- department of the "same" name. hc_nfc() is registered by hcs-store.c.
-- UPDATE OR IGNORE: where two rows differ only in their normalisation and
-- the name is unique (departments), the second keeps its form rather than
-- failing the migration; an administrator renames it.
UPDATE OR IGNORE subjects      SET name = hc_nfc (name)                 WHERE name <> hc_nfc (name);
UPDATE OR IGNORE departments   SET name = hc_nfc (name)                 WHERE name <> hc_nfc (name);
UPDATE OR IGNORE users         SET display_name = hc_nfc (display_name) WHERE display_name <> hc_nfc (display_name);
UPDATE OR IGNORE catalog_items SET name = hc_nfc (name)                 WHERE name <> hc_nfc (name);
UPDATE OR IGNORE risk_events   SET title = hc_nfc (title)               WHERE title <> hc_nfc (title);
