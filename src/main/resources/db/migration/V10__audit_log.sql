-- The audit log: who did what, when, from where. Append-only and hash-chained: each row's hash covers its own
-- fields and the previous row's hash, so a deleted or altered row breaks the chain (audit verify).
CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          TIMESTAMP     NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    address     VARCHAR(64),
    action      VARCHAR(40)   NOT NULL,
    target      VARCHAR(200),
    detail      VARCHAR(1000),
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL
);
CREATE INDEX ix_audit_at ON audit_event (at);
CREATE INDEX ix_audit_action ON audit_event (action, id);
