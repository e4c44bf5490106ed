-- The operator's deliveries list shows calls to learning platforms only (1.12 push, 1.14 pull), not the messages
-- between grains that ride the same table (670_grain_messages.sql: one a passed check, so they soon outnumber the
-- calls). This index holds the calls alone, newest first within a status, so the list reads no message row.
CREATE INDEX IF NOT EXISTS deliveries_to_platforms ON deliveries (status, id) WHERE kind IN ('push', 'pull');
