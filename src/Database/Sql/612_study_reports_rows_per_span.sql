-- ANALYZE samples 30,000 rows of study_reports, so at tens of millions of rows it sees most spans once and takes
-- session_id for nearly unique among the sample's spans, then scales that to about 1,700 rows a span where there are
-- about 60. With that estimate, a class's credit (850 spans) looks like millions of rows, and the planner turns to
-- parallel workers, JIT compilation (seconds) and sequential scans. A span is tens to hundreds of reports: saying
-- so (distinct spans = 2 % of the rows) keeps the estimate at 50 a span, whatever the table's size.
ALTER TABLE study_reports ALTER COLUMN session_id SET (n_distinct = -0.02);
