-- Each evidence table's rows, heap and index bytes, summed over its partitions when it has any.
\set ON_ERROR_STOP on
\pset footer off
-- A plain table is its own only leaf; pg_partition_tree lists nothing for it.
CREATE TEMP VIEW evidence_leaves AS
SELECT t.name::regclass AS root, coalesce(p.relid, t.name::regclass) AS relid
FROM (VALUES ('study_reports'), ('evidence_events'), ('anomalies')) t(name)
LEFT JOIN LATERAL pg_partition_tree(t.name::regclass) p ON p.isleaf
UNION ALL
SELECT i.indexrelid::regclass, coalesce(p.relid, i.indexrelid::regclass)
FROM pg_index i
LEFT JOIN LATERAL pg_partition_tree(i.indexrelid) p ON p.isleaf
WHERE i.indrelid IN ('study_reports'::regclass, 'evidence_events'::regclass, 'anomalies'::regclass);

CREATE TEMP VIEW evidence_sizes AS
SELECT root, sum(c.reltuples)::bigint AS row_count, sum(pg_relation_size(l.relid)) AS bytes,
       sum(pg_table_size(l.relid)) AS table_bytes, sum(pg_indexes_size(l.relid)) AS index_bytes
FROM evidence_leaves l JOIN pg_class c ON c.oid = l.relid GROUP BY root;

SELECT t.root AS "table", t.row_count AS "rows", pg_size_pretty(t.table_bytes) AS heap, pg_size_pretty(t.index_bytes) AS indexes,
       round(t.table_bytes::numeric / nullif(t.row_count, 0), 1) AS "heap B/row",
       round(t.index_bytes::numeric / nullif(t.row_count, 0), 1) AS "index B/row",
       round((t.table_bytes + t.index_bytes)::numeric / nullif(t.row_count, 0), 1) AS "total B/row"
FROM evidence_sizes t WHERE t.root IN ('study_reports'::regclass, 'evidence_events'::regclass, 'anomalies'::regclass);

SELECT s.root AS index, pg_size_pretty(s.bytes) AS size, round(s.bytes::numeric / nullif(t.row_count, 0), 1) AS "B/row of its table"
FROM evidence_sizes s
JOIN pg_index i ON i.indexrelid = s.root
JOIN evidence_sizes t ON t.root = i.indrelid
ORDER BY 1;
