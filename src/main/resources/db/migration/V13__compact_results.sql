-- A result's findings, score lines, eligibility and trace stored as one compressed document (details), deflated
-- with a dictionary kept once per run (one teacher's documents: what every teacher's share). Rows stored before
-- keep their four text columns; new rows leave those empty.
ALTER TABLE evaluation_run ADD COLUMN result_dictionary LONGBLOB;
ALTER TABLE evaluation_result ADD COLUMN details LONGBLOB;
