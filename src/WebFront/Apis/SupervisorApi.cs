using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>The operator API's reads behind the supervisor's console: classes, progress, timelines, live activity, exports.</summary>
public static class SupervisorApi
{
    public static void MapSupervisorApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapOperatorGroup();

        admin.MapGet("/classes", async (ClassListing page, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IClassDirectoryGrain>(0).List(page.Search, page.Offset, page.Limit))).ForViewers()
            .WithSummary("List classes")
            .WithDescription("Newest first, a page at a time (the parameters). Answers `{total, classes}` with each class's platforms, approval, "
                + "push versions and counts.")
            .AnswersEnvelope();

        admin.MapGet("/classes/{classCode}/students", async (string classCode, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IClassGrain>(classCode).Progress(), rows => rows.Select(StudentProgressAnswer.From).ToList())).ForViewers()
            .WithSummary("A class's students and their study")
            .WithDescription("Every student on the roster: name, masked ID number, credit per video, total, today's total (China day), whether studying now.")
            .AnswersEnvelope().Fails(ReturnCode.ClassNotFound);

        admin.MapGet("/classes/{classCode}/records.csv", async (string classCode, IClusterClient grains) =>
        {
            var owner = grains.GetGrain<IClassGrain>(classCode);
            var records = await owner.CommittedStudyRecords();
            return records.Succeeded && await owner.Describe() is { } view
                ? StudyRecordsCsv.File(classCode, view.Students, records.Data!)
                : new EnvelopeAnswer(records.Code, records.Message, statusCode: StatusCodes.Status404NotFound);
        }).ForViewers()
            .WithSummary("A class's study records as CSV")
            .WithDescription("The rows of 2.5 with the student's name, for an auditor: UTF-8 with a byte-order mark; a field that a spreadsheet would run "
                + "as a formula is escaped.")
            .AnswersFile(null, "text/csv").Fails(ReturnCode.ClassNotFound);

        admin.MapGet("/classes/{classCode}/students/{studentUserCode}/timeline", async (string classCode, string studentUserCode, TimelineLength length, IClusterClient grains) =>
        {
            var events = await grains.GetGrain<IEvidenceGrain>(0).Events(classCode, studentUserCode, [], length.Limit);
            return EnvelopeAnswer.Success(await EvidenceAnswer.ListAsync(grains, events, classCode));
        }).ForViewers()
            .WithSummary("A student's timeline")
            .WithDescription("Every evidence row of the student in the class, newest first: sessions, reports, checks (a face attempt names its photo), "
                + "recordings. Each row says what happened in words (`kindWords`, `words`, `outcomeWords`: {zh, en}); a face attempt's outcome is its "
                + "judgement, whatever its returnCode.")
            .AnswersEnvelope();

        admin.MapGet("/activity", async (IClusterClient grains) => EnvelopeAnswer.Success(await grains.GetGrain<IEvidenceGrain>(0).Activity())).ForViewers()
            .WithSummary("Live activity")
            .WithDescription("From committed reports: learners with an accepted report in the last 2 minutes and reports a second over the last 10 s.")
            .AnswersEnvelope();

        admin.MapGet("/anomaly-kinds", () => EnvelopeAnswer.Success(AnomalyKind.All)).ForViewers()
            .WithSummary("Anomaly kinds").WithDescription("Every kind of anomaly the ledger records (docs/study-rules.md).").AnswersEnvelope();
    }
}
