-- An upload being imported, as every web instance sees it: the instance that took the files imports them and
-- writes its progress here; the page that follows it may be served by any instance.
CREATE TABLE import_job (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    started_by    VARCHAR(64)   NOT NULL,
    files         INT           NOT NULL,
    started       INT           NOT NULL,
    current_file  VARCHAR(255),
    results_json  LONGTEXT,                          -- every file's result (JSON) once the import has ended
    failure       VARCHAR(2000),
    created_at    TIMESTAMP     NOT NULL
);
CREATE INDEX ix_import_job_created ON import_job (created_at);
