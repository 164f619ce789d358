-- Which version of the rule-code check (a fingerprint of the checker's own classes) a stored rule-set version
-- passed in full: loading the same content again under the same checker need not build it a second time.
ALTER TABLE rule_set_snapshot ADD COLUMN code_check VARCHAR(64);
