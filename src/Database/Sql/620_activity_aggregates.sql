-- Aggregates for the console's charts, kept by the evidence ledger in the same transaction as the rows they sum
-- (EvidenceLedger), so a chart never scans evidence and never disagrees with it. Each batch adds a few rows' worth.
-- Days are China days (UTC+8), the days study hours are counted in.
CREATE TABLE IF NOT EXISTS activity_by_minute (
    minute        timestamptz NOT NULL,
    platform_code text        NOT NULL,   -- the learning platform
    reports       integer     NOT NULL,
    learners      integer     NOT NULL,   -- learners whose first report of the minute this was
    credited      integer     NOT NULL,
    PRIMARY KEY (minute, platform_code)
);

CREATE TABLE IF NOT EXISTS credit_by_day (
    day           date    NOT NULL,
    class_code    text    NOT NULL,
    platform_code text    NOT NULL,
    credited      bigint  NOT NULL,       -- net of credit a review voided that day
    reports       integer NOT NULL,
    PRIMARY KEY (day, class_code, platform_code)
);

CREATE TABLE IF NOT EXISTS anomalies_by_day (
    day        date    NOT NULL,
    kind       text    NOT NULL,
    class_code text    NOT NULL,          -- '' for an anomaly of no class
    count      integer NOT NULL,
    PRIMARY KEY (day, kind, class_code)
);
