-- The ledger's readers, with the texts they run in the silo, for one class, student and span.
-- Variables: learner, span (numbers as load.sql counts them), learners, class_size, reports_per_span.
\set ON_ERROR_STOP on

-- The codes and the span's id as load.sql made them; the replay starts halfway through the span.
SELECT 'CL' || lpad((:learner / :class_size)::text, 5, '0') AS class_code,
       'ST' || lpad(:learner::text, 6, '0') AS student_user_code,
       md5('span' || :span)::uuid AS session_id,
       (:span / :learners) * (:reports_per_span + 1) + :reports_per_span / 2 AS after_version \gset

-- GrainStates.ReportsAfterAsync: a student-class state's activation replays its span's rows after the snapshot.
PREPARE reports_after(uuid, integer) AS
SELECT at, client_timestamp, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags
FROM study_reports WHERE session_id = $1 AND version > $2 ORDER BY version;

-- EvidenceGrain.Events: a student's timeline, newest first.
PREPARE student_timeline(text, text, text[], integer) AS
SELECT id, at, kind, res_code, session_id, outcome, credited, platform_code, details::text FROM evidence_events
WHERE class_code = $1 AND student_user_code = $2 AND (cardinality($3) = 0 OR kind = ANY($3))
UNION ALL
SELECT r.version, r.at, 'report', s.res_code, r.session_id, r.outcome::text, r.credited, s.platform_code,
       json_build_object('playTime', r.play_time, 'progressTime', r.progress_time, 'accepted', r.accepted, 'bank', r.bank)::text
FROM study_reports r
JOIN (SELECT DISTINCT ON (session_id) session_id, res_code, platform_code FROM evidence_events
      WHERE class_code = $1 AND student_user_code = $2 AND kind = 'session_start') s ON s.session_id = r.session_id
WHERE cardinality($3) = 0 OR 'report' = ANY($3)
ORDER BY at DESC, id DESC LIMIT $4;

-- EvidenceGrain.Anomalies: a class's anomalies, newest first.
PREPARE class_anomalies(text, text, text, timestamptz, timestamptz, integer) AS
SELECT id, at, kind, class_code, student_user_code, res_code, details::text FROM anomalies
WHERE ($1::text IS NULL OR class_code = $1)
  AND ($2::text IS NULL OR student_user_code = $2)
  AND ($3::text IS NULL OR kind = $3)
  AND ($4::timestamptz IS NULL OR at >= $4)
  AND ($5::timestamptz IS NULL OR at < $5)
ORDER BY at DESC, id DESC LIMIT $6;

-- A class's credited seconds per student and video, as the ledger checks read them.
PREPARE class_credit(text) AS
SELECT student_user_code, res_code, sum(credited) FROM report_evidence WHERE class_code = $1 GROUP BY 1, 2;

\echo '== reports_after: a span''s rows after a version'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE reports_after(:'session_id', :after_version);
\echo '== student_timeline: a student''s evidence, newest 100'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE student_timeline(:'class_code', :'student_user_code', '{}', 100);
\echo '== class_anomalies: a class''s anomalies, newest 100'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE class_anomalies(:'class_code', NULL, NULL, NULL, NULL, 100);
\echo '== class_credit: a class''s credited seconds per student and video'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE class_credit(:'class_code');
