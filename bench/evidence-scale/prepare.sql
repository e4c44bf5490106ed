-- Readies the migrated schema for a bulk load: the evidence tables' own indexes are put aside (kept in
-- bench_saved_indexes) and rebuilt after the rows are in, and, where a table is partitioned by month, the
-- months the synthetic rows fall in are created. Works on plain and partitioned tables alike.
-- Variables: first_month (the first day of a month), days (how long the rows run).
CREATE TABLE bench_saved_indexes (table_name text, index_name text, definition text);

INSERT INTO bench_saved_indexes
SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
WHERE c.relname IN ('study_reports', 'evidence_events', 'anomalies') AND c.relnamespace = 'public'::regnamespace
  -- Constraint-backed indexes (the primary keys) stay: dropping them would mean rebuilding the constraints too.
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid);

SELECT format('DROP INDEX %I', index_name) FROM bench_saved_indexes \gexec

-- A month that a partition of the other migrations already covers is left as it is (overlap and name clashes are skipped).
SELECT format($f$DO $do$ BEGIN
                  CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L);
                EXCEPTION WHEN invalid_object_definition OR duplicate_table THEN NULL;
                END $do$$f$,
              c.relname || '_bench_' || to_char(m, 'YYYYMM'), c.relname, m, m + interval '1 month')
FROM pg_partitioned_table p
JOIN pg_class c ON c.oid = p.partrelid
CROSS JOIN generate_series(:'first_month'::timestamptz,
                                date_trunc('month', :'first_month'::timestamptz + (:days + 1) * interval '1 day'), interval '1 month') m
WHERE c.relname IN ('study_reports', 'evidence_events', 'anomalies') AND c.relnamespace = 'public'::regnamespace
\gexec
