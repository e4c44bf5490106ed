-- What each platform holds, so that how much one platform may keep is bounded by design: teachers and people a
-- business platform registered, courses a learning platform pushed (1.13, 1.14) or a business platform submitted
-- (2.2). A row is written in the holder grain's own ledger write, with its state, so a count never includes what
-- was not stored. Records stored before this script are counted from their next write.
CREATE TABLE IF NOT EXISTS platform_holdings (
    kind          text NOT NULL,   -- teacher, course, person
    platform_code text NOT NULL,
    code          text NOT NULL,   -- the teacher's key, the course code, the person's key (an HMAC, never an ID number)
    PRIMARY KEY (kind, platform_code, code)
);
