-- The evidence ledger: append-only records of what every request changed, kept for the regulator's
-- audit. Rows are never updated or deleted by the application.
CREATE TABLE IF NOT EXISTS evidence_events (
    id                bigserial PRIMARY KEY,
    at                timestamptz NOT NULL,
    kind              text        NOT NULL,   -- report, session_start, session_end, recording, real_name, photo_change
    class_code        text,
    student_user_code text,
    card_no           text,
    res_code          text,
    session_id        uuid,
    outcome           text        NOT NULL,   -- the returnCode the request was answered with
    credited          integer     NOT NULL DEFAULT 0,
    play_time         integer,
    progress_time     integer,
    platform_code     text,
    device_type       text,
    device_id         text,
    client_timestamp  text,
    details           jsonb
);
CREATE INDEX IF NOT EXISTS evidence_events_by_student ON evidence_events (class_code, student_user_code, at);
CREATE INDEX IF NOT EXISTS evidence_events_by_card ON evidence_events (card_no, at) WHERE card_no IS NOT NULL;

CREATE TABLE IF NOT EXISTS anomalies (
    id                bigserial PRIMARY KEY,
    at                timestamptz NOT NULL,
    kind              text        NOT NULL,
    class_code        text,
    student_user_code text,
    card_no           text,
    res_code          text,
    session_id        uuid,
    details           jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS anomalies_by_class ON anomalies (class_code, at);
CREATE INDEX IF NOT EXISTS anomalies_by_time ON anomalies (at);

-- The live state of each student in each class. It is written in the same transaction as the evidence
-- that changed it, so credit and its evidence can never disagree.
CREATE TABLE IF NOT EXISTS student_class_state (
    class_code        text        NOT NULL,
    student_user_code text        NOT NULL,
    version           bigint      NOT NULL,
    payload           bytea       NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (class_code, student_user_code)
);
