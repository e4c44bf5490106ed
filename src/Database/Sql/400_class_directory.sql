-- The operator's index of classes, to find one by code, name or organisation and to page through them. The
-- class itself lives in its grain's storage: a row here is written before that state, so every stored class is
-- listed, and a row whose class state never got written is left out of the list.
CREATE TABLE IF NOT EXISTS class_directory (
    class_code       text        PRIMARY KEY,
    train_class_name text        NOT NULL,
    org_name         text        NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS class_directory_by_creation ON class_directory (created_at DESC, class_code);
