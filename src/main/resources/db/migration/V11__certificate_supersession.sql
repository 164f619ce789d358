-- A correction reissues a certificate with a new serial; the one it replaces names its successor and is no longer valid.
ALTER TABLE certificate ADD COLUMN superseded_by VARCHAR(48);
