-- report_evidence as 610 wrote it looked up each report's session_start row (LATERAL ... LIMIT 1), so a filter on
-- class_code could only be applied after that lookup, to every row of study_reports: a sequential scan of the
-- whole ledger for one class's credit. Written as a join, the filter reaches the session_start rows first (by
-- class, through evidence_events_by_student) and each span's reports come through study_reports_by_session.
-- A span continued by a later 1.3 has more than one session_start row; the earliest one speaks for the span.
CREATE OR REPLACE VIEW report_evidence AS
SELECT r.at, s.class_code, s.student_user_code, s.card_no, s.res_code, r.session_id, r.outcome::text AS outcome, r.credited,
       r.play_time, r.progress_time, s.platform_code, r.accepted, r.bank, r.past_due, r.flags, r.client_timestamp, r.version
FROM evidence_events s
JOIN study_reports r ON r.session_id = s.session_id
WHERE s.kind = 'session_start'
  AND NOT EXISTS (SELECT 1 FROM evidence_events e
                  WHERE e.session_id = s.session_id AND e.kind = 'session_start' AND (e.at, e.id) < (s.at, s.id))
UNION ALL
SELECT at, class_code, student_user_code, card_no, res_code, session_id, outcome, credited,
       play_time, progress_time, platform_code, NULL, NULL, NULL, NULL, NULL, NULL
FROM evidence_events WHERE kind = 'report';
