-- The committed version of every grain that writes through the evidence ledger, and the head of its evidence chain
-- (ChainHead: how many records it has linked and the hash of the last). Every ledger write names the version it was
-- drafted on; one statement per group commit advances the rows whose version still matches and refuses the rest, so
-- a stale activation (a silo partitioned away while another activation took over) is never acknowledged and none of
-- its rows are written. grain_state holds a snapshot of the state, written only now and then; this narrow row is
-- what every write, snapshot or not, checks and advances. Fill factor 70 leaves room on each page for the
-- update to stay on it (a HOT update touches no index), as every write updates its grain's row.
CREATE TABLE IF NOT EXISTS grain_versions (
    kind       text        NOT NULL,
    key        text        NOT NULL,
    version    bigint      NOT NULL,   -- the version of the grain's last committed write
    chain_seq  bigint      NOT NULL DEFAULT 0,
    chain_hash bytea,                  -- null until the grain's first record is linked
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
) WITH (fillfactor = 70);

-- Every stored state starts at its snapshot's version ...
INSERT INTO grain_versions (kind, key, version, updated_at)
SELECT kind, key, version, updated_at FROM grain_state
ON CONFLICT DO NOTHING;

-- ... or, for a student-class, at its last report kept in rows alone after that snapshot (a report that changed only
-- its own numbers wrote study_reports rows and no snapshot). A span's session_start says whose it is. One pass over
-- study_reports, once, at the upgrade.
UPDATE grain_versions v SET version = r.version
  FROM (SELECT s.class_code || '/' || s.student_user_code AS key, max(r.version) AS version
          FROM study_reports r
          JOIN evidence_events s ON s.session_id = r.session_id AND s.kind = 'session_start'
         GROUP BY 1) r
 WHERE v.kind = 'student_class' AND v.key = r.key AND r.version > v.version;
