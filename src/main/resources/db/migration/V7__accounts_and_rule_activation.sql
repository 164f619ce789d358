-- Web accounts. A person may hold several roles (a group leader is a TEACHER and an APPROVER). Passwords are kept only as BCrypt hashes. A TEACHER account is tied to one teacher; an
-- APPROVER account to one step of the approval chain and the school (and, for a group leader, the group)
-- whose entries it may move.
CREATE TABLE user_account (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)   NOT NULL,
    password_hash   VARCHAR(100)  NOT NULL,
    roles           VARCHAR(64)   NOT NULL,            -- comma-separated: ADMIN, AUDITOR, APPROVER, TEACHER
    display_name    VARCHAR(100)  NOT NULL,
    teacher_id      VARCHAR(32),
    approver_step   VARCHAR(16),                       -- GROUP, OFFICE (a CreditStep)
    school_id       VARCHAR(32),
    group_id        VARCHAR(64),
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_account_username UNIQUE (username),
    CONSTRAINT fk_account_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);

-- The rule set a term is evaluated with, fixed by its content hash when an administrator activated it.
CREATE TABLE rule_activation (
    term_id         VARCHAR(16)   NOT NULL PRIMARY KEY,
    rules_folder    VARCHAR(64)   NOT NULL,            -- the academic year's folder under rules/
    rule_set_hash   VARCHAR(64)   NOT NULL,
    activated_by    VARCHAR(64)   NOT NULL,
    activated_at    TIMESTAMP     NOT NULL,
    CONSTRAINT fk_activation_term FOREIGN KEY (term_id) REFERENCES term (id)
);

-- Every rule file as it was before an edit from the web pages: the undo history.
CREATE TABLE rule_file_revision (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rules_folder    VARCHAR(64)   NOT NULL,
    file_name       VARCHAR(128)  NOT NULL,
    content         LONGBLOB,                          -- null: the file did not exist before
    saved_by        VARCHAR(64)   NOT NULL,
    saved_at        TIMESTAMP     NOT NULL
);
CREATE INDEX ix_revision_file ON rule_file_revision (rules_folder, file_name);
