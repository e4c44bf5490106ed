-- The charts' aggregates get a row per ledger writer (EvidenceLedger: a random id per writer and silo start), summed
-- on read. Before, every group commit of every silo added to the same (minute, platform) row, so silos' commits
-- queued on its lock (issue 24). Rows kept so far belong to writer 0. A restart's writer adds rows of its own: a few
-- a day per class and platform, which the readers' sums do not see.
ALTER TABLE activity_by_minute ADD COLUMN IF NOT EXISTS writer integer NOT NULL DEFAULT 0;
ALTER TABLE activity_by_minute DROP CONSTRAINT IF EXISTS activity_by_minute_pkey;
ALTER TABLE activity_by_minute ADD PRIMARY KEY (minute, platform_code, writer);

ALTER TABLE credit_by_day ADD COLUMN IF NOT EXISTS writer integer NOT NULL DEFAULT 0;
ALTER TABLE credit_by_day DROP CONSTRAINT IF EXISTS credit_by_day_pkey;
ALTER TABLE credit_by_day ADD PRIMARY KEY (day, class_code, platform_code, writer);

ALTER TABLE anomalies_by_day ADD COLUMN IF NOT EXISTS writer integer NOT NULL DEFAULT 0;
ALTER TABLE anomalies_by_day DROP CONSTRAINT IF EXISTS anomalies_by_day_pkey;
ALTER TABLE anomalies_by_day ADD PRIMARY KEY (day, kind, class_code, writer);

-- A group commit sends its version check and all its rows in one round trip, as one implicit transaction
-- (GrainVersions.AdvanceAllStatement). The check ends in this call: if any write of the batch lost its check, it fails
-- the statement, so the transaction writes nothing, and the ledger asks again in two steps which writes passed.
CREATE OR REPLACE FUNCTION grain_versions_all_advanced(advanced bigint, expected bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    IF advanced <> expected THEN
        RAISE EXCEPTION 'a write of the batch lost its version check (% of % advanced)', advanced, expected
            USING ERRCODE = 'SV409';
    END IF;
    RETURN advanced;
END
$$;
