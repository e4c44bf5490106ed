using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>The operator API's reads behind the supervisor's console: classes, progress, timelines, live activity, exports.</summary>
public static class SupervisorApi
{
    public static void MapSupervisorApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        admin.MapGet("/classes", async (string? search, string? offset, string? limit, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IClassDirectoryGrain>(0).List(
                search, Math.Max(QueryValue.Integer(offset, "offset") ?? 0, 0), Math.Clamp(QueryValue.Integer(limit, "limit") ?? 50, 1, 200)))).ForViewers();

        admin.MapGet("/classes/{classCode}/students", async (string classCode, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IClassGrain>(classCode).Progress(), rows => rows.Select(StudentProgressAnswer.From).ToList())).ForViewers();

        admin.MapGet("/classes/{classCode}/records.csv", async (string classCode, IClusterClient grains) =>
        {
            var owner = grains.GetGrain<IClassGrain>(classCode);
            var records = await owner.CommittedStudyRecords();
            return records.Succeeded && await owner.Describe() is { } view
                ? StudyRecordsCsv.File(classCode, view.Students, records.Data!)
                : new EnvelopeAnswer(records.Code, records.Message, statusCode: StatusCodes.Status404NotFound);
        }).ForViewers();

        admin.MapGet("/classes/{classCode}/students/{studentUserCode}/timeline", async (string classCode, string studentUserCode, string? limit, IClusterClient grains) =>
        {
            var events = await grains.GetGrain<IEvidenceGrain>(0).Events(classCode, studentUserCode, [], Math.Clamp(QueryValue.Integer(limit, "limit") ?? 500, 1, 5_000));
            return EnvelopeAnswer.Success(await EvidenceAnswer.ListAsync(grains, events, classCode));
        }).ForViewers();

        admin.MapGet("/activity", async (IClusterClient grains) => EnvelopeAnswer.Success(await grains.GetGrain<IEvidenceGrain>(0).Activity())).ForViewers();

        admin.MapGet("/anomaly-kinds", () => EnvelopeAnswer.Success(AnomalyKind.All)).ForViewers();
    }
}
