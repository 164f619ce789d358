-- The evaluation reads each page of teachers as one (term, teacher-id) range. These indexes cover the
-- columns it reads, so the range is answered from the index alone: without them MySQL/MariaDB looks the
-- term up as a whole for every page, which grows with the square of the county.
CREATE INDEX ix_activity_term_teacher_facts ON activity (term_id, teacher_id, type, activity_date, hours, quantity);
CREATE INDEX ix_score_term_teacher ON score_record (term_id, teacher_id, kind, score);
CREATE INDEX ix_ethics_term_teacher ON ethics_record (term_id, teacher_id);
-- What groups and schools held in a term (教研活动, 集中学习, 全校培训) is counted by activity type.
CREATE INDEX ix_activity_term_type ON activity (term_id, type);
