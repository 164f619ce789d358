-- Re-imports find a file's earlier rows through import_file_teacher (V25): the source index is not written any more.
DROP INDEX ix_activity_source ON activity;
