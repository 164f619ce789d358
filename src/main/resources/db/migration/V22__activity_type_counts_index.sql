-- What each group and school held in a term (教研活动, 集中学习 and 全校培训 days, 集中学习 months) is counted
-- before every run from the activities of those types, with their teacher and date. On (term_id, type) alone
-- each such row was looked up in the table: at 100,000 teachers 20 s of random reads before the first teacher,
-- growing with the county. This index answers the counts by itself; V23 drops the one it replaces.
CREATE INDEX ix_activity_term_type_teacher_date ON activity (term_id, type, teacher_id, activity_date);
