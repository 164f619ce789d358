-- The rule-set folders themselves, so that every instance edits, checks and runs the same files: one row per
-- file of a folder (manifest.yaml, *.drl, *.drl.xlsx, tests/policies.yaml). An edit replaces a row only if it
-- still holds the content the editor started from; the content before it goes to rule_file_revision (undo).
-- `rules export` writes a folder out for git, `rules import` reads one back (checked first).
CREATE TABLE rule_file (
    rules_folder    VARCHAR(64)   NOT NULL,
    file_name       VARCHAR(128)  NOT NULL,            -- relative to the folder, '/' between parts
    content         LONGBLOB      NOT NULL,
    content_hash    VARCHAR(64)   NOT NULL,            -- SHA-256 of content
    saved_by        VARCHAR(64)   NOT NULL,
    saved_at        TIMESTAMP     NOT NULL,
    PRIMARY KEY (rules_folder, file_name)
);
