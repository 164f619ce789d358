-- (term_id, type) is the start of ix_activity_term_type_teacher_date: one index fewer to write per activity row.
DROP INDEX ix_activity_term_type ON activity;
