-- A log row's content key is unique per teacher: (teacher_id, record_key) instead of record_key alone (the key
-- already starts with the teacher's id, so the rows it admits are the same). On MySQL and MariaDB that index also
-- carries the teacher's foreign key; H2 keeps an index of its own for every foreign key.
ALTER TABLE activity ADD CONSTRAINT uq_activity_teacher_key UNIQUE (teacher_id, record_key);
ALTER TABLE activity DROP CONSTRAINT uq_activity_key;
ALTER TABLE score_record ADD CONSTRAINT uq_score_teacher_key UNIQUE (teacher_id, record_key);
ALTER TABLE score_record DROP CONSTRAINT uq_score;
ALTER TABLE ethics_record ADD CONSTRAINT uq_ethics_teacher_key UNIQUE (teacher_id, record_key);
ALTER TABLE ethics_record DROP CONSTRAINT uq_ethics;
ALTER TABLE leave_period ADD CONSTRAINT uq_leave_teacher_key UNIQUE (teacher_id, record_key);
ALTER TABLE leave_period DROP CONSTRAINT uq_leave_key;
ALTER TABLE prior_hours ADD CONSTRAINT uq_prior_teacher_key UNIQUE (teacher_id, record_key);
ALTER TABLE prior_hours DROP CONSTRAINT uq_prior;
