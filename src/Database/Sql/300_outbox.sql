-- The outbox of calls we make to learning platforms (1.12 push, 1.14 pull). A row is written before the
-- change that causes it is acknowledged, and a dispatcher on any silo delivers it: claimed under a lease
-- (FOR UPDATE SKIP LOCKED), so many silos share the work and a dead silo's claim runs out.
CREATE TABLE IF NOT EXISTS deliveries (
    id              bigserial   PRIMARY KEY,
    kind            text        NOT NULL,             -- push | pull
    platform_code   text        NOT NULL,
    class_code      text,                             -- for a push
    version         integer,                          -- for a push: the class's push version
    dedup_key       text        NOT NULL UNIQUE,      -- makes enqueueing idempotent (a retried approve)
    status          text        NOT NULL,             -- pending | retrying | delivered | dead
    attempts        integer     NOT NULL DEFAULT 0,
    attempt_limit   integer     NOT NULL,             -- dead once attempts reach it; an operator retry raises it
    last_error      text,
    next_attempt_at timestamptz NOT NULL,
    leased_until    timestamptz,
    leased_by       text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'retrying');
CREATE INDEX IF NOT EXISTS deliveries_by_status ON deliveries (status, id);
