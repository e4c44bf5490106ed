-- What the fronts look up before they call a grain, so that a key nobody stored activates nothing: which platforms
-- a class belongs to (the business platform that registered it, the learning platform that teaches it) and which
-- student codes were ever on its roster. Both are written in the class's ledger write, with its state. A class
-- stored before this script has null platforms until it is written again or the silo's start fills them in
-- (ClassKeysMigration); a front defers to the class itself for such a row.
ALTER TABLE class_directory ADD COLUMN IF NOT EXISTS business_platform_code text;
ALTER TABLE class_directory ADD COLUMN IF NOT EXISTS learning_platform_code text;
CREATE INDEX IF NOT EXISTS class_directory_by_business_platform ON class_directory (business_platform_code);

CREATE TABLE IF NOT EXISTS class_roster_codes (
    class_code        text NOT NULL,
    student_user_code text NOT NULL,
    PRIMARY KEY (class_code, student_user_code)
);
