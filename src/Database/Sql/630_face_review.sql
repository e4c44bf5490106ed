-- The face review queue (docs/face.md "Review"): photos whose score fell near the threshold, found by how far the
-- score is from it, so that listing the queue reads the few near ones, not every check photo.
CREATE INDEX IF NOT EXISTS check_photos_by_margin ON check_photos ((abs(score - threshold)), at DESC) WHERE score IS NOT NULL;
