-- One official run per term: an administrator publishes a finished run as the term's result. Append-only: the
-- latest row of a term is its official run; replacing one names the run it replaces and why.
CREATE TABLE run_publication (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    term_id          VARCHAR(32)  NOT NULL,
    run_id           BIGINT       NOT NULL,
    replaces_run_id  BIGINT,
    reason           VARCHAR(500),
    published_by     VARCHAR(64)  NOT NULL,
    published_at     TIMESTAMP    NOT NULL,
    CONSTRAINT fk_publication_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id)
);
CREATE INDEX ix_publication_term ON run_publication (term_id, id);
