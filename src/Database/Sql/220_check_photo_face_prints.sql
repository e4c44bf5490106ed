-- The face print of each check photo (FacePrint: its aligned face as a 64x64 grey picture, 0 outside the photo), so a
-- new photo is compared with earlier ones for an edited copy without finding their faces again (docs/face.md
-- "Edited copies"). Null for a photo in which no face was found, and for photos stored before this column.
ALTER TABLE check_photos ADD COLUMN IF NOT EXISTS face_print bytea;
