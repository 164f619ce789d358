-- Appeals (申诉): a teacher disputes a record or a term's result; an approver of their school accepts it with a
-- correction (the record is corrected, the teacher re-evaluated under the official run's rule snapshot) or
-- rejects it with a reason. What was decided, before and after, stays on the appeal.
CREATE TABLE appeal (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id       VARCHAR(32)   NOT NULL,
    term_id          VARCHAR(16)   NOT NULL,
    activity_id      BIGINT,                       -- the disputed record, when the appeal is about one
    activity_text    VARCHAR(300),                 -- that record as it read when the appeal was filed
    reason           VARCHAR(1000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,       -- SUBMITTED, ACCEPTED, REJECTED
    submitted_at     TIMESTAMP     NOT NULL,
    decided_by       VARCHAR(64),
    decided_at       TIMESTAMP     NULL,
    decision_reason  VARCHAR(1000),
    correction       VARCHAR(1000),                -- what was changed in the records
    run_id           BIGINT,                       -- the official run the teacher was re-evaluated in
    grade_before     VARCHAR(16),
    grade_after      VARCHAR(16),
    consequences     VARCHAR(4000),                -- the before → after lines, one per line
    CONSTRAINT fk_appeal_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_appeal_term FOREIGN KEY (term_id) REFERENCES term (id)
);
CREATE INDEX ix_appeal_teacher ON appeal (teacher_id, id);
CREATE INDEX ix_appeal_status ON appeal (status, term_id);

-- Evidence files (PDF or image), checked by their content, kept in the database: for an appeal or for an
-- activity record. No key to the activity row: re-importing a file replaces its rows, the evidence stays.
CREATE TABLE evidence (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id     VARCHAR(32)   NOT NULL,
    term_id        VARCHAR(16)   NOT NULL,
    appeal_id      BIGINT,
    activity_id    BIGINT,
    activity_text  VARCHAR(300),
    file_name      VARCHAR(120)  NOT NULL,
    content_type   VARCHAR(32)   NOT NULL,
    size_bytes     INT           NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    content        LONGBLOB      NOT NULL,
    uploaded_by    VARCHAR(64)   NOT NULL,
    uploaded_at    TIMESTAMP     NOT NULL,
    CONSTRAINT fk_evidence_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_evidence_appeal FOREIGN KEY (appeal_id) REFERENCES appeal (id)
);
CREATE INDEX ix_evidence_teacher ON evidence (teacher_id, term_id);
CREATE INDEX ix_evidence_appeal ON evidence (appeal_id);
