-- What several web instances behind one load balancer must share: the signed-in sessions (Spring Session JDBC's
-- own tables, as its MySQL schema has them) and the failed sign-ins that lock a name or an address.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)      NOT NULL,
    SESSION_ID            CHAR(36)      NOT NULL,
    CREATION_TIME         BIGINT        NOT NULL,
    LAST_ACCESS_TIME      BIGINT        NOT NULL,
    MAX_INACTIVE_INTERVAL INT           NOT NULL,
    EXPIRY_TIME           BIGINT        NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID    CHAR(36)      NOT NULL,
    ATTRIBUTE_NAME        VARCHAR(200)  NOT NULL,
    ATTRIBUTE_BYTES       LONGBLOB      NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- "user:<name>" or "address:<ip>": failures counted since the last success, and the lock they earned.
CREATE TABLE login_failure (
    throttle_key   VARCHAR(200)  NOT NULL PRIMARY KEY,
    failures       INT           NOT NULL,
    last_failure   TIMESTAMP     NOT NULL,
    locked_until   TIMESTAMP     NULL
);
CREATE INDEX ix_login_failure_last ON login_failure (last_failure);
