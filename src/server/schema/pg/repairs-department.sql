-- 谁认定、谁修复 (issue 9): a repair case is decided by the department that
-- designated its list entry or decided its penalty. The case reads that
-- department from its entry or penalty (the penalty's catalog item's
-- 信源单位); department_id holds it for a penalty repair that names no
-- penalty, as the applicant gave it.
ALTER TABLE repairs ADD COLUMN IF NOT EXISTS department_id bigint REFERENCES departments (id);
UPDATE repairs SET department_id = (SELECT e.department_id FROM list_entries e WHERE e.id = repairs.entry_id)
 WHERE entry_id IS NOT NULL;
UPDATE repairs SET department_id = (SELECT ci.department_id FROM penalties p JOIN catalog_items ci ON ci.id = p.item_id
                                     WHERE p.id = repairs.penalty_id)
 WHERE penalty_id IS NOT NULL;
CREATE INDEX repairs_department ON repairs (department_id, state);
