-- Messages between grains ride the deliveries outbox (300_outbox.sql): a challenge's pass to its student-class, a
-- face review's rejection. The row is written in the same ledger transaction as the change that sends the message,
-- so a committed change's message is never lost: the sender hands it over at once, and the dispatcher delivers any
-- it could not, with the outbox's retries. target is the receiving grain's key; payload the message, in the Orleans
-- serializer's bytes the grains use.
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS target text;
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS payload bytea;
