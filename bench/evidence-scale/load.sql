-- Synthetic evidence in the shape the silo writes it: learners in classes, each span a session_start and a
-- session_end in evidence_events and one study_reports row a minute, now and then an anomaly.
-- Spans are laid end to end in time, so rows land roughly in time order as they do in production.
-- Variables: rows, learners, class_size, reports_per_span, first_month, days.
\set ON_ERROR_STOP on
SELECT (:rows / :reports_per_span) AS spans,
       (:days * 86400.0 / (:rows / :reports_per_span)) AS seconds_between_spans \gset

-- One row per span: who, what and when. The ledger's tables are filled from it.
CREATE UNLOGGED TABLE bench_spans AS
SELECT k,
       md5('span' || k)::uuid AS session_id,
       learner,
       'CL' || lpad((learner / :class_size)::text, 5, '0') AS class_code,
       'ST' || lpad(learner::text, 6, '0') AS student_user_code,
       -- The person's stored key (a digest), never an ID number in clear.
       md5('person' || learner) || md5('key' || learner) AS card_no,
       'RES' || lpad((k % 400)::text, 4, '0') AS res_code,
       'PL' || lpad((learner / :class_size % 20)::text, 2, '0') AS platform_code,
       :'first_month'::timestamptz + k * :seconds_between_spans * interval '1 second' AS started,
       k / :learners AS round
FROM generate_series(0, :spans - 1) k, LATERAL (SELECT k % :learners AS learner) l;

-- Truncating in the loading transaction lets wal_level=minimal skip writing the rows to WAL.
BEGIN;
TRUNCATE study_reports, evidence_events, anomalies RESTART IDENTITY;

INSERT INTO evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited,
                             platform_code, device_type, device_id, client_timestamp, details)
SELECT CASE e.kind WHEN 'session_start' THEN s.started
                   ELSE s.started + :reports_per_span * interval '1 minute' END,
       e.kind, s.class_code, s.student_user_code, s.card_no, s.res_code, s.session_id, '0',
       CASE e.kind WHEN 'session_end' THEN :reports_per_span * 60 ELSE 0 END,
       s.platform_code,
       CASE e.kind WHEN 'session_start' THEN 'pc' END,
       CASE e.kind WHEN 'session_start' THEN md5('device' || s.learner) END,
       (extract(epoch FROM s.started) * 1000)::bigint::text,
       CASE e.kind WHEN 'session_start' THEN '{"continued": false}'::jsonb END
FROM bench_spans s CROSS JOIN (VALUES ('session_start'), ('session_end')) e(kind)
ORDER BY s.k, e.kind DESC;

-- A report a minute; a check falls due every 20 minutes; about one in a hundred credits nothing and one in
-- five hundred is refused.
INSERT INTO study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted,
                           bank, outcome, past_due, flags)
SELECT r.at + (s.k % 7) * interval '1 second',
       (extract(epoch FROM s.started) * 1000)::bigint + i * 60000,
       s.session_id,
       s.round * (:reports_per_span + 1) + i + 1,
       i * 60, i * 60,
       CASE WHEN (s.k + i) % 97 = 0 THEN 0 ELSE 60 END,
       60,
       (i * 7) % 120,
       CASE WHEN (s.k + i) % 500 = 0 THEN 1105 ELSE 0 END,
       0,
       CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END
-- The minutes are a series of the span's own, so the planner walks span by span and the rows go in in time order.
FROM bench_spans s CROSS JOIN LATERAL generate_series(s.started + interval '1 minute', s.started + :reports_per_span * interval '1 minute',
                                                      interval '1 minute') WITH ORDINALITY r(at, i);

INSERT INTO anomalies (at, kind, class_code, student_user_code, card_no, res_code, session_id, details)
SELECT s.started + interval '17 minutes', 'position_jump', s.class_code, s.student_user_code, s.card_no, s.res_code,
       s.session_id, jsonb_build_object('from', 600, 'to', 1500)
FROM bench_spans s WHERE s.k % 25 = 0;
COMMIT;
