-- What a face check was compared against (docs/face.md "Review"): the registered photo's bytes as the comparer saw
-- them, kept once per content (a learner is checked against one photo many times) under their SHA-256, and named
-- by each check photo with the URL they were fetched from. The platform can replace the registered photo (1.11) or
-- the bytes behind its URL after the check; the reviewer still sees what was compared. Rows written before this have
-- no reference_digest: the review shows the photo registered at the check's time, fetched now, and says so.
CREATE TABLE IF NOT EXISTS reference_photos (
    digest   bytea       PRIMARY KEY,   -- SHA-256 of image
    first_at timestamptz NOT NULL,
    image    bytea       NOT NULL
);
ALTER TABLE check_photos ADD COLUMN IF NOT EXISTS reference_url text;
ALTER TABLE check_photos ADD COLUMN IF NOT EXISTS reference_digest bytea;

-- The learning platform that submitted the photo, for the review queue's filter. Earlier rows take it from their
-- check_attempt evidence, written in the same commit at the same instant (found through its per-student index).
ALTER TABLE check_photos ADD COLUMN IF NOT EXISTS platform_code text;
UPDATE check_photos p SET platform_code = e.platform_code
FROM evidence_events e
WHERE p.platform_code IS NULL AND e.class_code = p.class_code AND e.student_user_code = p.student_user_code AND e.at = p.at
  AND e.kind = 'check_attempt' AND (e.details -> 'face' ->> 'photoId')::bigint = p.id;
