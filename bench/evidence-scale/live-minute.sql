-- One minute of full load, as COPY text for study_reports: a report from each of the last `learners` spans, as
-- if those spans were live, `minute` minutes after the loaded rows end.
-- Variables: spans, learners, reports_per_span, first_month, days, minute.
\set ON_ERROR_STOP on
COPY (
    SELECT :'first_month'::timestamptz + :days * interval '1 day' + :minute * interval '1 minute',
           NULL, md5('span' || k)::uuid, 1000000 + :minute, :minute * 60, :minute * 60, 60, 60, 0, 0, 0, 0
    FROM generate_series(greatest(:spans - :learners, 0), :spans - 1) k
) TO STDOUT;
