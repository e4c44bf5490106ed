-- 1.10 reports, the hot path's evidence, as compact rows: at 100,000 learners a report a minute each, this
-- table takes tens of millions of rows a day, so each row holds only what the report changed. Who and what
-- (class, student, ID number, video, platform, device) are on the span's session_start row in evidence_events,
-- found by session_id; the report_evidence view joins them back.
--
-- The row is also the student-class state's journal: a report that changed only these numbers writes no state
-- snapshot, and the grain replays the rows after its last snapshot (version) when it is activated.
--
-- Partitioned by China month like evidence_events (600_evidence_partitions.sql): the silo creates months ahead, and
-- the DEFAULT partition catches a row whose month has none yet.
CREATE TABLE IF NOT EXISTS study_reports (
    at               timestamptz NOT NULL,
    client_timestamp bigint,               -- the envelope's timestamp, when it is a plain number
    session_id       uuid        NOT NULL,
    version          integer     NOT NULL, -- the student-class state's version this report made
    play_time        integer     NOT NULL,
    progress_time    integer     NOT NULL,
    credited         integer     NOT NULL,
    accepted         integer     NOT NULL, -- seconds of play the clock accepted (credited or rewatched)
    bank             integer     NOT NULL, -- the clock bank's balance after the report
    outcome          smallint    NOT NULL, -- the returnCode the report was answered with
    past_due         smallint    NOT NULL, -- seconds credited past a due check's point
    flags            smallint    NOT NULL  -- 1: a check fell due; 2: the position jumped; 4: an overdue check was recorded
) PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS study_reports_default PARTITION OF study_reports DEFAULT;
-- A span has tens to hundreds of reports, so B-tree deduplication keeps this index at a few bytes a row.
CREATE INDEX IF NOT EXISTS study_reports_by_session ON study_reports (session_id);
-- Rows arrive in time order: a block-range index answers "the last minutes" at almost no cost per row.
CREATE INDEX IF NOT EXISTS study_reports_by_time ON study_reports USING brin (at);

CREATE INDEX IF NOT EXISTS evidence_events_session_starts ON evidence_events (session_id) WHERE kind = 'session_start';

-- ANALYZE samples 30,000 rows, so at tens of millions of rows it sees most spans once, takes session_id for nearly
-- unique and scales that to about 1,700 reports a span where there are about 60; a class's credit then looks like
-- millions of rows and is planned with parallel workers, JIT and sequential scans. A span is tens to hundreds of
-- reports: distinct spans = 2 % of the rows. Every month's partition takes the option from here (MonthlyPartitions).
ALTER TABLE study_reports ALTER COLUMN session_id SET (n_distinct = -0.02);
ALTER TABLE study_reports_default ALTER COLUMN session_id SET (n_distinct = -0.02);

-- Reports move here; those already in evidence_events stay where they are and are read with these. A report's who
-- and what come from its span's session_start row, joined (not looked up per row), so that a filter on the class
-- reaches the session_start rows first and each span's reports come by study_reports_by_session. A span continued
-- by a later 1.3 has more than one session_start row; the earliest speaks for the span.
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
