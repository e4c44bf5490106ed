-- Rebuilds the indexes prepare.sql put aside, now that the rows are in.
\set ON_ERROR_STOP on
SELECT definition FROM bench_saved_indexes \gexec
DROP TABLE bench_saved_indexes;
