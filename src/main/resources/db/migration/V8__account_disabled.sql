-- An administrator switches an account off (a teacher who left, a mistaken account) instead of deleting it:
-- its approvals and history keep their names.
ALTER TABLE user_account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
