-- A log row's content key now starts with its teacher: "<teacher id>/<first 30 hex digits of the same SHA-256>".
-- Keys stored before (the first 48 hex digits of that digest) are rewritten to the new form, so a row imported
-- before this change is still recognised when another file brings it again.
UPDATE activity SET record_key = CONCAT(teacher_id, '/', SUBSTRING(record_key, 1, 30)) WHERE record_key NOT LIKE '%/%';
UPDATE score_record SET record_key = CONCAT(teacher_id, '/', SUBSTRING(record_key, 1, 30)) WHERE record_key NOT LIKE '%/%';
UPDATE ethics_record SET record_key = CONCAT(teacher_id, '/', SUBSTRING(record_key, 1, 30)) WHERE record_key NOT LIKE '%/%';
UPDATE leave_period SET record_key = CONCAT(teacher_id, '/', SUBSTRING(record_key, 1, 30)) WHERE record_key NOT LIKE '%/%';
UPDATE prior_hours SET record_key = CONCAT(teacher_id, '/', SUBSTRING(record_key, 1, 30)) WHERE record_key NOT LIKE '%/%';
