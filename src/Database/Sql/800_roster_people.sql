-- Which person each roster code is: an anomaly of a person rather than of a learner in a class (a registered photo
-- swapped after study began) is counted for every class that person is on (the risk summaries, a learner's day).
-- Written with the roster codes in the class's ledger write; a code tied to another ID number takes the new one.
-- Rows written before this script have none until their class is written again or RosterPeopleMigration fills them.
ALTER TABLE class_roster_codes ADD COLUMN IF NOT EXISTS card_no text;
CREATE INDEX IF NOT EXISTS class_roster_codes_by_card ON class_roster_codes (card_no) WHERE card_no IS NOT NULL;
-- A person's own anomalies (few: they are not of a report), found by the person for a learner's day.
CREATE INDEX IF NOT EXISTS anomalies_of_people ON anomalies (card_no, at) WHERE class_code IS NULL;
