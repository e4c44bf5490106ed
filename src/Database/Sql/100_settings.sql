-- Cluster-wide settings that every process reads at start-up (for example the key that signs
-- access tokens, so that any front can verify a token another front issued).
CREATE TABLE IF NOT EXISTS supervision_settings (
    key        text PRIMARY KEY,
    value      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
