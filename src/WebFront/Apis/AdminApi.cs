using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Parsing;
using Supervision.WebFront.Requests;

namespace Supervision.WebFront.Apis;

/// <summary>The operator's interface (not in the seed): platform accounts, class policy and approval.</summary>
public static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        admin.MapPost("/platforms", async (HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var registration = PlatformRegistrationParser.Parse(new EnvelopeData(body.RootElement));
            var outcome = await grains.GetGrain<IPlatformGrain>(registration.Code).Register(registration, OperatorName.Of(request.HttpContext));
            return EnvelopeAnswer.From(outcome, view => view);
        }).ForAdministrators();

        admin.MapGet("/platforms", async (IClusterClient grains) =>
        {
            var codes = await grains.GetGrain<IPlatformDirectoryGrain>(0).ListCodes();
            var views = await Task.WhenAll(codes.Select(code => grains.GetGrain<IPlatformGrain>(code).Describe()));
            return EnvelopeAnswer.Success(views.Where(v => v is not null).ToList());
        }).ForViewers();

        admin.MapGet("/classes/{classCode}", async (string classCode, IClusterClient grains) =>
            await grains.GetGrain<IClassGrain>(classCode).Describe() is { } view
                ? EnvelopeAnswer.Success(view)
                : new EnvelopeAnswer(ReturnCode.ClassNotFound, $"classCode: no class {classCode}")).ForViewers();

        admin.MapPut("/classes/{classCode}/policy", async (string classCode, HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var policy = DeclaredReader<ClassPolicyData>.Read(new EnvelopeData(body.RootElement)).Policy();
            return EnvelopeAnswer.From(await grains.GetGrain<IClassGrain>(classCode).SetPolicy(policy, OperatorName.Of(request.HttpContext)));
        }).ForAdministrators();

        admin.MapGet("/classes/{classCode}/students/{studentUserCode}", async (string classCode, string studentUserCode, IClusterClient grains) =>
        {
            var view = await grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(classCode, studentUserCode)).Describe();
            var evidence = grains.GetGrain<IEvidenceGrain>(0);
            var anomalies = await evidence.Anomalies(new AnomalyQuery(classCode, studentUserCode, Limit: 200));
            // The person's own anomalies (a swapped photo) are the learner's too, in every class the person is on.
            var own = await evidence.PersonAnomalies(classCode, studentUserCode, 200);
            return EnvelopeAnswer.Success(new { student = view, anomalies = await AnomalyAnswer.ListAsync(grains, anomalies.Concat(own).OrderByDescending(a => a.At), classCode) });
        }).ForViewers();

        admin.MapGet("/classes/{classCode}/students/{studentUserCode}/checks", async (string classCode, string studentUserCode, IClusterClient grains) =>
        {
            var checks = await grains.GetGrain<IEvidenceGrain>(0).Events(classCode, studentUserCode, EvidenceKind.Checks, 500);
            return EnvelopeAnswer.Success(await EvidenceAnswer.ListAsync(grains, checks, classCode));
        }).ForViewers();

        admin.MapGet("/check-photos/{id:long}", async (long id, IClusterClient grains) =>
            PhotoAnswer.From(await grains.GetGrain<IEvidenceGrain>(0).CheckPhoto(id))).ForViewers();

        admin.MapGet("/anomalies", async (string? classCode, string? kind, string? since, string? until, string? limit, string? offset, IClusterClient grains) =>
        {
            if (kind is not null && !AnomalyKind.All.Contains(kind))
                return new EnvelopeAnswer(ReturnCode.InvalidField, $"kind: not an anomaly kind ({string.Join(", ", AnomalyKind.All)})");
            var query = new AnomalyQuery(classCode, null, kind, QueryValue.Time(since, "since"), QueryValue.Time(until, "until"),
                Math.Clamp(QueryValue.Integer(limit, "limit") ?? 500, 1, 5_000), Math.Max(QueryValue.Integer(offset, "offset") ?? 0, 0));
            var anomalies = await grains.GetGrain<IEvidenceGrain>(0).Anomalies(query);
            return EnvelopeAnswer.Success(await AnomalyAnswer.ListAsync(grains, anomalies));
        }).ForViewers();

        admin.MapGet("/students/{cardNo}", async (string cardNo, IClusterClient grains, PersonKeySource personKeys, CancellationToken aborted) =>
            await grains.GetGrain<IStudentGrain>(await personKeys.OfAsync(cardNo, aborted)).Describe() is { } view
                ? EnvelopeAnswer.Success(view)
                : new EnvelopeAnswer(ReturnCode.StudentNotFound, "cardNo: no student is registered under this ID number")).ForViewers();

        admin.MapPost("/classes/{classCode}/approve", async (string classCode, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IClassGrain>(classCode).Approve(OperatorName.Of(context)))).ForAdministrators();

        admin.MapGet("/classes/{classCode}/actions", async (string classCode, IClusterClient grains) =>
            EnvelopeAnswer.Success(await EvidenceAnswer.ListAsync(grains, await grains.GetGrain<IEvidenceGrain>(0).ClassEvents(classCode, 200), classCode))).ForViewers();
    }
}
