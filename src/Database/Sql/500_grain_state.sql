-- The state of every grain that records evidence (student-class, student, challenge), keyed by the grain's
-- kind and key. The evidence ledger writes a grain's state in the same transaction as the evidence its change
-- caused, so a state and its evidence are committed together or not at all. student_class_state, which held
-- the student-class grains alone, is folded in.
CREATE TABLE IF NOT EXISTS grain_state (
    kind       text        NOT NULL,
    key        text        NOT NULL,
    version    bigint      NOT NULL,
    payload    bytea       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
);

INSERT INTO grain_state (kind, key, version, payload, updated_at)
SELECT 'student_class', class_code || '/' || student_user_code, version, payload, updated_at FROM student_class_state
ON CONFLICT DO NOTHING;

DROP TABLE student_class_state;
