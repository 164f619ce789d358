-- Teacher accounts being created for a county, as every web instance sees the job: the instance that took it
-- hashes the passwords and writes its progress here; the page (and the one download of the password sheets)
-- may be served by any instance. The sheets are removed on that download, or unclaimed after a day.
CREATE TABLE account_job (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    started_by     VARCHAR(64)   NOT NULL,
    done           INT           NOT NULL,
    total          INT           NOT NULL,             -- -1 until the teachers are counted
    created_count  INT,                                -- set when the accounts are stored
    schools_json   LONGTEXT,                           -- accounts per school, for the page (no passwords)
    sheets         LONGBLOB,                           -- the password sheets (XLSX) until their one download
    downloaded_at  TIMESTAMP     NULL,
    failure        VARCHAR(2000),
    created_at     TIMESTAMP     NOT NULL,
    updated_at     TIMESTAMP     NOT NULL
);
CREATE INDEX ix_account_job_created ON account_job (created_at);
