-- (term_id, teacher_id) is the start of ix_activity_term_teacher_facts, which serves every query that used it and the
-- term's foreign key: one index fewer to write for each imported activity row.
DROP INDEX ix_activity_term_teacher;
