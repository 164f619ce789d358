-- Term-end evaluation: rule-set snapshots (content-addressed), runs, and one result per teacher per run.

CREATE TABLE rule_file_snapshot (
    sha256      VARCHAR(64)   NOT NULL PRIMARY KEY,
    file_name   VARCHAR(200)  NOT NULL,
    content     LONGBLOB      NOT NULL,   -- the file exactly as it was (DRL text or XLSX bytes)
    drl         LONGTEXT                  -- for a decision table: the DRL the engine compiled from it
);

CREATE TABLE rule_set_snapshot (
    hash           VARCHAR(64)   NOT NULL PRIMARY KEY,
    source_dir     VARCHAR(500)  NOT NULL,
    academic_year  VARCHAR(9)    NOT NULL,
    created_at     TIMESTAMP     NOT NULL
);

CREATE TABLE rule_set_file (
    rule_set_hash  VARCHAR(64)   NOT NULL,
    file_name      VARCHAR(200)  NOT NULL,
    file_sha256    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (rule_set_hash, file_name),
    CONSTRAINT fk_rsf_set FOREIGN KEY (rule_set_hash) REFERENCES rule_set_snapshot (hash),
    CONSTRAINT fk_rsf_file FOREIGN KEY (file_sha256) REFERENCES rule_file_snapshot (sha256)
);

CREATE TABLE evaluation_run (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    term_id         VARCHAR(16)   NOT NULL,
    rule_set_hash   VARCHAR(64)   NOT NULL,
    scope           VARCHAR(100)  NOT NULL,  -- 全部, school:S0101 or district:D0001
    started_by      VARCHAR(64)   NOT NULL,
    started_at      TIMESTAMP     NOT NULL,
    finished_at     TIMESTAMP     NULL,
    heartbeat_at    TIMESTAMP     NOT NULL,  -- a running batch touches it; a stale one was killed
    status          VARCHAR(16)   NOT NULL,  -- RUNNING, INTERRUPTED, COMPLETED, ABANDONED
    teachers        INT           NOT NULL,
    grade_counts    VARCHAR(500),            -- e.g. 优秀=120;合格=800;不合格=110
    rule_errors     INT           NOT NULL,
    CONSTRAINT fk_run_term FOREIGN KEY (term_id) REFERENCES term (id),
    CONSTRAINT fk_run_rules FOREIGN KEY (rule_set_hash) REFERENCES rule_set_snapshot (hash)
);
CREATE INDEX ix_run_term ON evaluation_run (term_id, status);

-- At most one run of a term at a time: the row exists while a run of that term is under way.
CREATE TABLE run_lock (
    term_id   VARCHAR(16)  NOT NULL PRIMARY KEY,
    run_id    BIGINT       NOT NULL
);

CREATE TABLE evaluation_result (
    run_id            BIGINT        NOT NULL,
    teacher_id        VARCHAR(32)   NOT NULL,
    school_id         VARCHAR(32)   NOT NULL,
    grade             VARCHAR(16),
    grade_level       INT           NOT NULL,
    decided_by        VARCHAR(8),
    final_score       DECIMAL(7,2),
    routine_score     DECIMAL(7,2),
    year_end_score    DECIMAL(7,2),
    vetoed            BOOLEAN       NOT NULL,
    hours_recognised  DECIMAL(8,2)  NOT NULL,
    credits           DECIMAL(7,2)  NOT NULL,
    certificate       BOOLEAN       NOT NULL,
    rule_error        VARCHAR(1000),            -- set when a rule failed for this teacher; grade is then null
    findings_json     LONGTEXT      NOT NULL,
    score_lines_json  LONGTEXT      NOT NULL,
    eligibility_json  LONGTEXT      NOT NULL,
    trace_json        LONGTEXT      NOT NULL,   -- every rule fired, with the facts it matched
    PRIMARY KEY (run_id, teacher_id),
    CONSTRAINT fk_result_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);
CREATE INDEX ix_result_school ON evaluation_result (run_id, school_id);
