-- The messages between grains that keep failing, for the operator's page (GET /admin/grain-messages): only failing
-- rows are in the index, so a delivered message costs it nothing.
CREATE INDEX IF NOT EXISTS deliveries_failing_messages ON deliveries (created_at, id)
    WHERE kind IN ('pass', 'rejection') AND status IN ('retrying', 'dead');
