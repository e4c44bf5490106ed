-- Evidence is kept for years (SPEC rule 9; a regional rule asks for 3 to 6 years) at tens of millions of rows a day.
-- One table could never shed a month, so evidence_events and anomalies become partitioned by RANGE of `at`, one
-- partition per China month (UTC+8; Supervision.Database.Partitions.EvidenceMonth), that the archive command can
-- archive and drop whole. A partitioned table's unique keys must hold the partition key: the primary keys become
-- (id, at), ids still come from the same sequences and stay unique. Existing rows are copied into one partition per
-- month they span; the silo creates the months ahead (EvidencePartitionKeeper).
-- Each table keeps a DEFAULT partition, so that a write never fails for lack of a partition (an acknowledged report
-- must never be lost); the silo moves whatever lands there into a partition of its month as it creates it.
DO $$
DECLARE
    t     text;
    first timestamp;
    last  timestamp;
    month timestamp;
BEGIN
    FOREACH t IN ARRAY ARRAY['evidence_events', 'anomalies'] LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_unpartitioned');
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', t || '_unpartitioned', t || '_pkey', t || '_unpartitioned_pkey');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)', t, t || '_unpartitioned');
        EXECUTE format('ALTER SEQUENCE %I OWNED BY %I.id', t || '_id_seq', t);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t);

        -- China local time, by arithmetic rather than a zone name, whatever the session's time zone.
        EXECUTE format('SELECT min((at AT TIME ZONE ''UTC'') + interval ''8 hours''), max((at AT TIME ZONE ''UTC'') + interval ''8 hours'') FROM %I',
                       t || '_unpartitioned') INTO first, last;
        month := date_trunc('month', first);
        WHILE month <= last LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           t || to_char(month, '_YYYY_MM'), t,
                           (month - interval '8 hours') AT TIME ZONE 'UTC',
                           (month + interval '1 month' - interval '8 hours') AT TIME ZONE 'UTC');
            month := month + interval '1 month';
        END LOOP;

        EXECUTE format('INSERT INTO %I SELECT * FROM %I', t, t || '_unpartitioned');
        EXECUTE format('DROP TABLE %I', t || '_unpartitioned');
    END LOOP;
END $$;

-- Partitioned indexes: each partition gets its own, so per-class and per-student reads stay index-bound in every month.
CREATE INDEX evidence_events_by_student ON evidence_events (class_code, student_user_code, at);
CREATE INDEX evidence_events_by_card ON evidence_events (card_no, at) WHERE card_no IS NOT NULL;
-- Rows arrive in `at` order, so a BRIN index (a few pages per partition, nearly free to keep up) finds the last
-- minutes' rows for the live counters; autosummarize keeps the newest ranges from piling up unsummarized.
CREATE INDEX evidence_events_by_time ON evidence_events USING brin (at) WITH (autosummarize = on);
CREATE INDEX anomalies_by_class ON anomalies (class_code, at);
CREATE INDEX anomalies_by_time ON anomalies (at);
