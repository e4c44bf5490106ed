-- Every evidence record carries its place on the evidence chain of the grain that wrote it (docs/evidence-export.md):
-- its position (chain_seq) and chain_hash = SHA-256(previous record's hash || the record's canonical bytes). A chain
-- is named by the grain's kind and key (chain, e.g. 'student_class:C1/S1'). study_reports rows, the hot path's tens
-- of millions a day, carry no name: their session's session_start row, written on the same chain, names it.
-- Rows written before this migration keep nulls: unchained, and an export says so. Adding nullable columns without a
-- default rewrites nothing.
ALTER TABLE evidence_events ADD COLUMN IF NOT EXISTS chain text,
                            ADD COLUMN IF NOT EXISTS chain_seq bigint,
                            ADD COLUMN IF NOT EXISTS chain_hash bytea;
ALTER TABLE anomalies ADD COLUMN IF NOT EXISTS chain text,
                      ADD COLUMN IF NOT EXISTS chain_seq bigint,
                      ADD COLUMN IF NOT EXISTS chain_hash bytea;
ALTER TABLE study_reports ADD COLUMN IF NOT EXISTS chain_seq integer,
                          ADD COLUMN IF NOT EXISTS chain_hash bytea;

-- An export reads whole chains in order.
CREATE INDEX IF NOT EXISTS evidence_events_by_chain ON evidence_events (chain, chain_seq) WHERE chain IS NOT NULL;
CREATE INDEX IF NOT EXISTS anomalies_by_chain ON anomalies (chain, chain_seq) WHERE chain IS NOT NULL;

-- One seal per China day (UTC+8): the signed root of a Merkle tree (RFC 6962) over the day's groups, a group being
-- the chain heads of one class (class_code '' for records of no class) that changed that day. body is the canonical
-- JSON that was signed, kept as text so its bytes never change; hash = SHA-256(body), the next seal's "previous".
CREATE TABLE IF NOT EXISTS evidence_seals (
    day        date        PRIMARY KEY,
    body       text        NOT NULL,
    hash       bytea       NOT NULL,
    signature  bytea       NOT NULL,   -- ECDSA P-256 over SHA-256 of body, r || s (IEEE P1363)
    public_key bytea       NOT NULL,   -- the signer's SubjectPublicKeyInfo (DER)
    sealed_at  timestamptz NOT NULL
);

-- The leaves of each seal's tree, in tree order: a class's export carries its own leaf and its audit path.
CREATE TABLE IF NOT EXISTS evidence_seal_groups (
    day        date    NOT NULL REFERENCES evidence_seals (day),
    class_code text    NOT NULL,
    leaf_index integer NOT NULL,
    leaf       text    NOT NULL,   -- canonical JSON: {"class":…,"day":…,"heads":[{"chain":…,"hash":…,"seq":…},…]}
    PRIMARY KEY (day, class_code)
);
-- An export finds the days a class was sealed.
CREATE INDEX IF NOT EXISTS evidence_seal_groups_by_class ON evidence_seal_groups (class_code, day);
