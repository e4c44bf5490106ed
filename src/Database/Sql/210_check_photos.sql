-- Photos submitted for face checks (1.6), kept as audit evidence under operator-only access. Each row carries
-- the comparison's outcome and the photo's fingerprint, so a later photo can be compared with every earlier one
-- of the same person (a replayed capture). Persons are identified by the digest of their ID number, never in clear.
CREATE TABLE IF NOT EXISTS check_photos (
    id                bigserial PRIMARY KEY,
    at                timestamptz      NOT NULL,
    student_key       text             NOT NULL,
    class_code        text             NOT NULL,
    student_user_code text             NOT NULL,
    biz_code          text             NOT NULL,
    source_url        text,
    decision          text             NOT NULL,   -- same, different, no_face_in_probe, replayed
    score             double precision,
    threshold         double precision NOT NULL,
    fingerprint       bytea            NOT NULL,   -- 16x16 grey thumbnail (ImageFingerprint)
    image             bytea            NOT NULL
);
CREATE INDEX IF NOT EXISTS check_photos_by_student ON check_photos (student_key, at DESC);
