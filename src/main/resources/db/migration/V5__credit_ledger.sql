-- The credit ledger (学分认定): one entry per teacher and term proposed from a finished run, then certified
-- by the group (教研组认定), re-checked by the office of studies (教导处复审) and registered (学分登记).
-- Hours and credits of an entry never change: a correction is a new entry pointing at the one it corrects.
CREATE TABLE credit_entry (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id    VARCHAR(32)   NOT NULL,
    term_id       VARCHAR(16)   NOT NULL,
    run_id        BIGINT        NOT NULL,            -- the evaluation the hours rest on
    grade         VARCHAR(16),
    hours         DECIMAL(8,2)  NOT NULL,
    credits       DECIMAL(7,2)  NOT NULL,
    corrects_id   BIGINT,                            -- the entry this one corrects
    reason        VARCHAR(500),                      -- why a correction was made
    status        VARCHAR(16)   NOT NULL,            -- PROPOSED, GROUP_APPROVED, OFFICE_APPROVED, REGISTERED, RETURNED, SUPERSEDED
    proposed_by   VARCHAR(64)   NOT NULL,
    proposed_at   TIMESTAMP     NOT NULL,
    CONSTRAINT fk_credit_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_credit_term FOREIGN KEY (term_id) REFERENCES term (id),
    CONSTRAINT fk_credit_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id),
    CONSTRAINT fk_credit_corrects FOREIGN KEY (corrects_id) REFERENCES credit_entry (id)
);
CREATE INDEX ix_credit_teacher_term ON credit_entry (teacher_id, term_id);
CREATE INDEX ix_credit_term_status ON credit_entry (term_id, status);

-- Every step of the approval chain, appended, never changed: who, when, what was decided and why.
CREATE TABLE credit_step (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id    BIGINT        NOT NULL,
    step        VARCHAR(16)   NOT NULL,              -- GROUP, OFFICE, REGISTER
    decision    VARCHAR(16)   NOT NULL,              -- APPROVED, RETURNED, REGISTERED
    actor       VARCHAR(64)   NOT NULL,
    acted_at    TIMESTAMP     NOT NULL,
    comment     VARCHAR(500),
    CONSTRAINT fk_step_entry FOREIGN KEY (entry_id) REFERENCES credit_entry (id)
);
CREATE INDEX ix_step_entry ON credit_step (entry_id);
