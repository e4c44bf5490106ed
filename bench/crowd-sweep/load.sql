-- A crowd sweep's 30 minutes of ledger: a script driving :crowd accounts in lockstep on one device id (every account's
-- report of a minute within 20 µs of the last, the same progressTime, playTime and step; a check answered by all at
-- once every 10 minutes), beside :honest learners on the one device id "127.0.0.1" who sat down at their own second
-- over the 30 minutes, and answered their checks at their own time.
-- Variables: crowd, honest, until (the sweep's instant).
\set ON_ERROR_STOP on
CREATE UNLOGGED TABLE bench_learners AS
SELECT n,
       n < :crowd AS scripted,
       md5('span' || n)::uuid AS session_id,
       'CL' || lpad((n / 50)::text, 5, '0') AS class_code,
       'ST' || lpad(n::text, 6, '0') AS student_user_code,
       md5('person' || n) || md5('key' || n) AS card_no,
       CASE WHEN n < :crowd THEN 'script-device' ELSE '127.0.0.1' END AS device_id,
       -- The script's accounts fire one after another 20 µs apart; a person's timer has its own second and delay.
       CASE WHEN n < :crowd THEN n * interval '20 microseconds'
            ELSE (n * 7919 % 60000) * interval '1 millisecond' + (n * 104729 % 1000) * interval '1 microsecond' END AS offset_in_minute,
       CASE WHEN n < :crowd THEN 0 ELSE n % 30 END AS late_minutes
FROM generate_series(0::bigint, :crowd + :honest - 1) n;

INSERT INTO evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited,
                             platform_code, device_type, device_id, client_timestamp, details)
SELECT :'until'::timestamptz - interval '31 minutes' + l.late_minutes * interval '1 minute', 'session_start', l.class_code,
       l.student_user_code, l.card_no, 'RES0001', l.session_id, '0', 0, 'PL01', 'pc', l.device_id, '0', '{"continued": false}'::jsonb
FROM bench_learners l;

INSERT INTO study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted,
                           bank, outcome, past_due, flags)
SELECT :'until'::timestamptz - interval '30 minutes' + m * interval '1 minute' + l.offset_in_minute
         -- A person's report is a few hundred ms late or early each minute (the timer, the network); the script's are not.
         + CASE WHEN l.scripted THEN interval '0' ELSE ((l.n * 31 + m * 7927) % 500) * interval '1 millisecond' END, 0, l.session_id, m + 1,
       (m - l.late_minutes + 1) * 60, (m - l.late_minutes + 1) * 60, 60, 60, 0, 0, 0, 0
FROM bench_learners l CROSS JOIN generate_series(0, 29) m
WHERE m >= l.late_minutes;

INSERT INTO evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited,
                             platform_code, device_type, device_id, client_timestamp, details)
SELECT :'until'::timestamptz - interval '30 minutes' + m * interval '1 minute' + l.offset_in_minute
         + CASE WHEN l.scripted THEN interval '3 seconds' ELSE (2000 + l.n * 31 % 8000) * interval '1 millisecond' END,
       'check_attempt', l.class_code, l.student_user_code, l.card_no, 'RES0001', l.session_id, '0', 0, 'PL01', NULL,
       l.device_id, '0', jsonb_build_object('videoStudyTime', (m - l.late_minutes + 1) * 60)
FROM bench_learners l CROSS JOIN generate_series(5, 29, 10) m
WHERE m >= l.late_minutes;

DROP TABLE bench_learners;
ANALYZE study_reports;
ANALYZE evidence_events;
