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

-- Reports move here; those already in evidence_events stay where they are and are read with these.
CREATE OR REPLACE VIEW report_evidence AS
SELECT r.at, s.class_code, s.student_user_code, s.card_no, s.res_code, r.session_id, r.outcome::text AS outcome, r.credited,
       r.play_time, r.progress_time, s.platform_code, r.accepted, r.bank, r.past_due, r.flags, r.client_timestamp, r.version
FROM study_reports r
CROSS JOIN LATERAL (
    SELECT e.class_code, e.student_user_code, e.card_no, e.res_code, e.platform_code FROM evidence_events e
    WHERE e.session_id = r.session_id AND e.kind = 'session_start' ORDER BY e.at LIMIT 1) s
UNION ALL
SELECT at, class_code, student_user_code, card_no, res_code, session_id, outcome, credited,
       play_time, progress_time, platform_code, NULL, NULL, NULL, NULL, NULL, NULL
FROM evidence_events WHERE kind = 'report';
