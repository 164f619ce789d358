-- Every account reaches the province, one district or one school. Accounts made before scopes existed keep
-- what they had: administrators and auditors the province, teachers and approvers their school.
ALTER TABLE user_account ADD COLUMN scope_level VARCHAR(16) DEFAULT 'PROVINCE' NOT NULL;
ALTER TABLE user_account ADD COLUMN scope_id VARCHAR(32);

UPDATE user_account SET scope_level = 'SCHOOL', scope_id = school_id
 WHERE school_id IS NOT NULL AND roles NOT LIKE '%ADMIN%' AND roles NOT LIKE '%AUDITOR%';
UPDATE user_account SET scope_level = 'SCHOOL', scope_id = (SELECT t.school_id FROM teacher t WHERE t.id = user_account.teacher_id)
 WHERE teacher_id IS NOT NULL AND school_id IS NULL AND roles NOT LIKE '%ADMIN%' AND roles NOT LIKE '%AUDITOR%';
