-- Yanxiu schema: the county, its schools and teachers, terms, and what teachers did.
-- Portable SQL: runs unchanged on H2 (MODE=MySQL not required) and on MySQL 8 / MariaDB.

CREATE TABLE district (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL
);

CREATE TABLE school (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    district_id VARCHAR(32)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL, -- PRIMARY, JUNIOR, SENIOR, NINE_YEAR
    CONSTRAINT fk_school_district FOREIGN KEY (district_id) REFERENCES district (id)
);

CREATE TABLE research_group (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    school_id   VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    CONSTRAINT fk_group_school FOREIGN KEY (school_id) REFERENCES school (id)
);

CREATE TABLE teacher (
    id              VARCHAR(32)  NOT NULL PRIMARY KEY, -- 工号
    name            VARCHAR(64)  NOT NULL,
    school_id       VARCHAR(32)  NOT NULL,
    group_id        VARCHAR(64),
    subject         VARCHAR(32),
    roles           VARCHAR(200) NOT NULL,             -- 、-separated role names, e.g. 教导主任、教师
    birth_year      INT          NOT NULL,
    teaching_years  INT          NOT NULL,             -- 教龄 at the start of the academic year
    title           VARCHAR(32),
    backbone_level  VARCHAR(32),
    joined_on       DATE,                              -- set for a teacher who joined the school mid-term
    CONSTRAINT fk_teacher_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_teacher_group FOREIGN KEY (group_id) REFERENCES research_group (id)
);
CREATE INDEX ix_teacher_school ON teacher (school_id);

CREATE TABLE term (
    id              VARCHAR(16)  NOT NULL PRIMARY KEY, -- 2025-2026-1
    academic_year   VARCHAR(9)   NOT NULL,             -- 2025-2026
    term_no         INT          NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE         NOT NULL,
    teaching_weeks  INT          NOT NULL
);

CREATE TABLE leave_period (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id  VARCHAR(32)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL, -- 病假, 产假, 事假, 借调 ...
    start_date  DATE         NOT NULL,
    end_date    DATE         NOT NULL,
    record_key  VARCHAR(64)  NOT NULL,
    source_file VARCHAR(255) NOT NULL,
    CONSTRAINT uq_leave_key UNIQUE (record_key),
    CONSTRAINT fk_leave_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);

CREATE TABLE activity (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id     VARCHAR(32)   NOT NULL,
    term_id        VARCHAR(16)   NOT NULL,
    type           VARCHAR(32)   NOT NULL, -- an ActivityType code
    activity_date  DATE          NOT NULL,
    hours          DECIMAL(6,2)  NOT NULL,
    quantity       INT           NOT NULL,
    note           VARCHAR(500),
    record_key     VARCHAR(64)   NOT NULL, -- content key: the same row from another file is skipped
    source_file    VARCHAR(255)  NOT NULL, -- re-importing a file replaces what it brought before
    CONSTRAINT uq_activity_key UNIQUE (record_key),
    CONSTRAINT fk_activity_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_activity_term FOREIGN KEY (term_id) REFERENCES term (id)
);
CREATE INDEX ix_activity_term_teacher ON activity (term_id, teacher_id);
CREATE INDEX ix_activity_source ON activity (source_file);

CREATE TABLE score_record (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id   VARCHAR(32)   NOT NULL,
    term_id      VARCHAR(16)   NOT NULL,
    kind         VARCHAR(24)   NOT NULL, -- ROUTINE_INSPECTION, SELF, PEER, PRINCIPAL, GUIDANCE
    score        DECIMAL(5,2)  NOT NULL,
    recorded_on  DATE          NOT NULL,
    record_key   VARCHAR(64)   NOT NULL,
    source_file  VARCHAR(255)  NOT NULL,
    CONSTRAINT uq_score UNIQUE (record_key),
    CONSTRAINT fk_score_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_score_term FOREIGN KEY (term_id) REFERENCES term (id)
);

CREATE TABLE ethics_record (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id    VARCHAR(32)   NOT NULL,
    term_id       VARCHAR(16)   NOT NULL,
    standard_met  BOOLEAN       NOT NULL,
    recorded_on   DATE          NOT NULL,
    description   VARCHAR(500),
    record_key    VARCHAR(64)   NOT NULL,
    source_file   VARCHAR(255)  NOT NULL,
    CONSTRAINT uq_ethics UNIQUE (record_key),
    CONSTRAINT fk_ethics_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_ethics_term FOREIGN KEY (term_id) REFERENCES term (id)
);

-- Hours recognised in earlier academic years (before Yanxiu kept the logs), for the three-year target.
CREATE TABLE prior_hours (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    teacher_id     VARCHAR(32)   NOT NULL,
    academic_year  VARCHAR(9)    NOT NULL,
    hours          DECIMAL(6,2)  NOT NULL,
    record_key     VARCHAR(64)   NOT NULL,
    source_file    VARCHAR(255)  NOT NULL,
    CONSTRAINT uq_prior UNIQUE (record_key),
    CONSTRAINT fk_prior_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
