-- Certificates (G6) issued for registered credit entries. The serial carries a check code derived from a
-- secret key, and the signature covers what the certificate states, so a changed serial or a changed
-- record is caught on verification. Revoking is recorded, never deleted.
CREATE TABLE certificate_key (
    id          INT           NOT NULL PRIMARY KEY,
    secret      VARCHAR(128)  NOT NULL,            -- hex; generated once on first issue
    created_at  TIMESTAMP     NOT NULL
);

CREATE TABLE certificate (
    serial         VARCHAR(48)   NOT NULL PRIMARY KEY,
    entry_id       BIGINT        NOT NULL,
    teacher_id     VARCHAR(32)   NOT NULL,
    term_id        VARCHAR(16)   NOT NULL,
    run_id         BIGINT        NOT NULL,
    grade          VARCHAR(16)   NOT NULL,
    hours          DECIMAL(8,2)  NOT NULL,
    credits        DECIMAL(7,2)  NOT NULL,
    signature      VARCHAR(64)   NOT NULL,
    issued_by      VARCHAR(64)   NOT NULL,
    issued_at      TIMESTAMP     NOT NULL,
    revoked_by     VARCHAR(64),
    revoked_at     TIMESTAMP     NULL,
    revoke_reason  VARCHAR(500),
    CONSTRAINT uq_certificate_entry UNIQUE (entry_id),
    CONSTRAINT fk_certificate_entry FOREIGN KEY (entry_id) REFERENCES credit_entry (id),
    CONSTRAINT fk_certificate_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
CREATE INDEX ix_certificate_run ON certificate (run_id);
