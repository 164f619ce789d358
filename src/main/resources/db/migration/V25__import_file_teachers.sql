-- The teachers each imported file brought rows for, per log table. Re-importing a file replaces what it brought
-- before: its earlier rows are now found through each listed teacher's own rows (the (teacher_id, record_key)
-- index every log has) instead of an index on source_file, which every imported activity row paid for — about an
-- eighth of the server's time per row and a tenth of the table's bytes — for the rare corrected file.
-- A teacher stays listed while any of the file's rows may remain; the list may name more teachers, never fewer.
CREATE TABLE import_file_teacher (
    log_table    VARCHAR(32)   NOT NULL,
    source_file  VARCHAR(255)  NOT NULL,
    teacher_id   VARCHAR(32)   NOT NULL,
    PRIMARY KEY (log_table, source_file, teacher_id)
);
INSERT INTO import_file_teacher (log_table, source_file, teacher_id) SELECT DISTINCT 'activity', source_file, teacher_id FROM activity;
INSERT INTO import_file_teacher (log_table, source_file, teacher_id) SELECT DISTINCT 'score_record', source_file, teacher_id FROM score_record;
INSERT INTO import_file_teacher (log_table, source_file, teacher_id) SELECT DISTINCT 'ethics_record', source_file, teacher_id FROM ethics_record;
INSERT INTO import_file_teacher (log_table, source_file, teacher_id) SELECT DISTINCT 'leave_period', source_file, teacher_id FROM leave_period;
INSERT INTO import_file_teacher (log_table, source_file, teacher_id) SELECT DISTINCT 'prior_hours', source_file, teacher_id FROM prior_hours;
