-- Orleans 10.4 ADO.NET providers on PostgreSQL 15: membership (clustering) and grain state (persistence).
--
-- Orleans issues no SQL of its own: at start-up each provider loads its statements from OrleansQuery by
-- key and runs them with named parameters (@DeploymentId, @GrainStateVersion, ...). The tables and
-- functions below are ours; only the OrleansQuery table, the keys, the parameter names and the names of
-- the result columns are fixed by Orleans. docs/orleans-schema.md lists that contract.
--
-- Safe to run again on a database that already has it: nothing here drops or rewrites data, and the
-- query texts are upserted so a re-run delivers corrected SQL (running processes keep the texts they
-- loaded until they restart).
--
-- Result columns are aliased with quoted names ("Version", "PayloadBinary", ...) so they match the names
-- Orleans asks for exactly, instead of relying on the driver's case-insensitive fallback for the
-- lower-case names PostgreSQL gives unquoted identifiers.

-- Orleans reads this table by this exact (unquoted, so lower-cased) name and these two columns.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

---------------------------------------------------------------------------------------------------
-- Membership
---------------------------------------------------------------------------------------------------

-- One row per cluster (Orleans calls the ClusterId "DeploymentId" here). Its version is the etag of the
-- whole membership table: every insert or update of a silo row must present the version it read, so
-- two silos cannot both act on a stale view of the cluster.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

-- timestamptz, not timestamp: Orleans sends UTC DateTimes typed as DbType.DateTime, which Npgsql binds as
-- timestamptz, and a plain timestamp column would shift them by the server's TimeZone setting.
-- Status holds Orleans' SiloStatus numbers (3 = Active, 6 = Dead).
CREATE TABLE IF NOT EXISTS orleans_membership_silo
(
    deployment_id   varchar(150) NOT NULL
                    REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,  -- long enough for any textual IPv6 address
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,      -- Orleans' own "silo,date|silo,date" encoding, opaque here
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- The version row is locked before the silo row is touched, so concurrent writers queue on it; after the
-- wait PostgreSQL re-checks "version = expected" against the committed row, so exactly one writer per
-- version wins and the others get false, which Orleans treats as "re-read and retry".
CREATE OR REPLACE FUNCTION orleans_membership_add_silo(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_table_version   integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
      FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id
       AND version = p_table_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    -- Checked before the version moves, so a refused insert leaves the table version untouched.
    INSERT INTO orleans_membership_silo
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

CREATE OR REPLACE FUNCTION orleans_membership_change_silo(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_table_version   integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
      FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id
       AND version = p_table_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    -- Heartbeats bypass the version check, so the entry Orleans hands us may carry an older
    -- heartbeat than the row already has; never move a heartbeat backwards.
    UPDATE orleans_membership_silo
       SET status          = p_status,
           suspect_times   = p_suspect_times,
           i_am_alive_time = greatest(i_am_alive_time, p_i_am_alive_time)
     WHERE deployment_id = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

---------------------------------------------------------------------------------------------------
-- Grain state
---------------------------------------------------------------------------------------------------

-- Orleans identifies a state row by hashes plus the full grain identity, because the hashes alone can
-- collide. NULLS NOT DISTINCT (PostgreSQL 15) makes a missing key extension count as one value, so the
-- constraint also holds for grains without an extension and two first writes cannot both insert.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    grain_id_hash   integer      NOT NULL,
    grain_type_hash integer      NOT NULL,
    grain_id_n0     bigint       NOT NULL,
    grain_id_n1     bigint       NOT NULL,
    grain_type      varchar(512) NOT NULL,
    grain_id_ext    varchar(512) NULL,     -- key extension, or the whole key of string-keyed grains
    service_id      varchar(150) NOT NULL,
    payload         bytea        NULL,     -- NULL after a clear that keeps the row (and its version)
    version         integer      NOT NULL,
    modified_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_identity UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_ext)
);

-- Returns the new version, or NULL when the caller's version is stale (or, for a first write, when
-- another activation got there first); Orleans turns that NULL into InconsistentStateException.
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- The grain has never seen a stored row; the unique constraint, not a prior read, decides
        -- whether this is really the first write.
        INSERT INTO orleans_grain_state
            (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type,
             grain_id_ext, payload, version)
        VALUES
            (p_grain_id_hash, p_grain_type_hash, p_grain_id_n0, p_grain_id_n1, p_service_id, p_grain_type,
             p_grain_id_ext, p_payload, 1)
        ON CONFLICT ON CONSTRAINT orleans_grain_state_identity DO NOTHING
        RETURNING version INTO v_version;
    ELSE
        UPDATE orleans_grain_state
           SET payload = p_payload, version = version + 1, modified_at = now()
         WHERE grain_id_hash = p_grain_id_hash
           AND grain_type_hash = p_grain_type_hash
           AND grain_id_n0 = p_grain_id_n0
           AND grain_id_n1 = p_grain_id_n1
           AND service_id = p_service_id
           AND grain_type = p_grain_type
           AND grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
           AND version = p_expected_version
        RETURNING version INTO v_version;
    END IF;
    RETURN v_version;
END
$fn$;

---------------------------------------------------------------------------------------------------
-- The statements Orleans runs, by the keys it looks them up with
---------------------------------------------------------------------------------------------------

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
-- Clustering: a silo's first call; one boolean row, true only for the process that created the row.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_add_silo(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                   @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_change_silo(@DeploymentId, @Address, @Port, @Generation,
                                      @Status, @SuspectTimes, @IAmAliveTime, @Version);
$q$),

-- Heartbeats are deliberately outside the version protocol: they must not invalidate the etag other
-- silos are about to write with.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership_silo
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation;
$q$),

-- The outer join keeps the version row when the silo has no row yet: Orleans always needs the version,
-- and treats a NULL StartTime as "no such silo".
('MembershipReadRowKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership_silo m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership_silo m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$q$),

-- Used by clients (the web front) to find silos to connect to; @Status is always Active.
('GatewaysQueryKey', $q$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
  FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0;
$q$),

-- Silo rows go with their version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Required at start-up, but 10.4 only runs it when CleanupDefunctSiloEntryKey is absent. Only Dead is
-- final: a silo in any other state may still be joining or be declared dead later. Removing rows does
-- not move the table version, because no live silo's view depends on a dead silo's row.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime;
$q$),

-- Optional in 10.4, and preferred when present: Orleans picks the expired Dead rows itself and deletes
-- each one only if it still holds the values it read, so a row changed meanwhile survives. Empty and
-- NULL suspect lists are the same thing to Orleans.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$q$),

-- Persistence: zero or one row. A row with a NULL payload is a cleared state that still carries
-- its version, which the next write must present.
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary",
       version AS "Version"
  FROM orleans_grain_state
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

('WriteToStorageKey', $q$
SELECT orleans_grain_state_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                                 @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear = false (the default): keep the row so the version keeps
-- rising. No row back means a stale version, which Orleans reports as a conflict.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload = NULL, version = version + 1, modified_at = now()
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$q$),

-- ClearStateAsync with DeleteStateOnClear = true. Orleans compares the returned value with the version
-- it sent, so the deleted row's version plus one stands for "changed".
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId
   AND grain_type = @GrainTypeString
   AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
