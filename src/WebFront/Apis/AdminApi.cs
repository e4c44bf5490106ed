using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Platforms;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Envelope.Declarations;
using Supervision.WebFront.Auth;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Parsing;
using Supervision.WebFront.Queries;
using Supervision.WebFront.Requests;
using static Supervision.WebFront.OpenApi.OperatorShapes;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The operator's interface (not in the seed): platform accounts, class policy and approval, a class's and a person's
/// records. Each route declares its summary, description, body, answer and the codes it adds to its group's.
/// </summary>
public static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapOperatorGroup();

        admin.MapPost("/platforms", async (HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var registration = PlatformRegistrationParser.Parse(new EnvelopeData(body.RootElement));
            var outcome = await grains.GetGrain<IPlatformGrain>(registration.Code).Register(registration, OperatorName.Of(request.HttpContext));
            return EnvelopeAnswer.From(outcome, view => view);
        }).ForAdministrators()
            .WithSummary("Register or update a platform account")
            .WithDescription("Learning platforms need `apiBaseUrl`. Re-registering a code changes its name, password and URLs; its role cannot change. "
                + "Recorded as `platform_registration` evidence: the record before and after, the password only as set or changed, the "
                + "outbound token only as set, changed, removed or unchanged.")
            .Reads<PlatformRegistrationData>().AnswersEnvelope().Fails(ReturnCode.Conflict);

        admin.MapGet("/platforms", async (IClusterClient grains) =>
        {
            var codes = await grains.GetGrain<IPlatformDirectoryGrain>(0).ListCodes();
            var views = await Task.WhenAll(codes.Select(code => grains.GetGrain<IPlatformGrain>(code).Describe()));
            return EnvelopeAnswer.Success(views.Where(v => v is not null).ToList());
        }).ForViewers()
            .WithSummary("List platforms").WithDescription("Every registered platform, without password hashes.").AnswersEnvelope();

        admin.MapGet("/classes/{classCode}", async (string classCode, IClusterClient grains) =>
            await grains.GetGrain<IClassGrain>(classCode).Describe() is { } view
                ? EnvelopeAnswer.Success(view)
                : new EnvelopeAnswer(ReturnCode.ClassNotFound, $"classCode: no class {classCode}")).ForViewers()
            .WithSummary("A class")
            .WithDescription("Roster, course tree, policy, approval and push status; `proposedPolicy` is a weaker policy the business platform "
                + "re-pushed after the operator fixed the policy, waiting for the operator (not in force, not pushed).")
            .AnswersEnvelope().Fails(ReturnCode.ClassNotFound);

        admin.MapPut("/classes/{classCode}/policy", async (string classCode, HttpRequest request, EnvelopeReader reader, IClusterClient grains) =>
        {
            using var body = await reader.ReadObjectAsync(request);
            var policy = DeclaredReader<ClassPolicyData>.Read(new EnvelopeData(body.RootElement)).Policy();
            return EnvelopeAnswer.From(await grains.GetGrain<IClassGrain>(classCode).SetPolicy(policy, OperatorName.Of(request.HttpContext)));
        }).ForAdministrators()
            .WithSummary("Set a class's supervision policy")
            .WithDescription("Under 1.12's field names; fields left out take their defaults. Fixes the policy: a business platform's later re-push "
                + "can tighten it but a weaker one only waits as `proposedPolicy`; setting the proposed policy accepts it. Recorded as "
                + "`class_policy` evidence with the signed-in account, the caller's address, and the policy before and after.")
            .Reads<ClassPolicyData>().AnswersEnvelope().Fails(ReturnCode.ClassNotFound);

        admin.MapGet("/classes/{classCode}/students/{studentUserCode}", async (string classCode, string studentUserCode, IClusterClient grains) =>
        {
            var view = await grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(classCode, studentUserCode)).Describe();
            var evidence = grains.GetGrain<IEvidenceGrain>(0);
            var anomalies = await evidence.Anomalies(new AnomalyQuery(classCode, studentUserCode, Limit: 200));
            // The person's own anomalies (a swapped photo) are the learner's too, in every class the person is on.
            var own = await evidence.PersonAnomalies(classCode, studentUserCode, 200);
            return EnvelopeAnswer.Success(new { student = view, anomalies = await AnomalyAnswer.ListAsync(grains, anomalies.Concat(own).OrderByDescending(a => a.At), classCode) });
        }).ForViewers()
            .WithSummary("A student in a class")
            .WithDescription("Open session, recent sessions, credit per video, today's total and anomalies: the learner's in the class and the person's "
                + "own (a registered photo swapped after study began), which count for every class the person is on.")
            .AnswersEnvelope();

        admin.MapGet("/classes/{classCode}/students/{studentUserCode}/checks", async (string classCode, string studentUserCode, IClusterClient grains) =>
        {
            var checks = await grains.GetGrain<IEvidenceGrain>(0).Events(classCode, studentUserCode, EvidenceKind.Checks, 500);
            return EnvelopeAnswer.Success(await EvidenceAnswer.ListAsync(grains, checks, classCode));
        }).ForViewers()
            .WithSummary("A student's anti-idle checks").WithDescription("Every issued check, attempt and pass, from the evidence ledger.").AnswersEnvelope();

        admin.MapGet("/check-photos/{id:long}", async (long id, IClusterClient grains) =>
            PhotoAnswer.From(await grains.GetGrain<IEvidenceGrain>(0).CheckPhoto(id))).ForViewers()
            .WithSummary("A judged check photo")
            .WithDescription("The image of one 1.6 attempt (personal data: operator only), as named by a check_attempt evidence row. " + PhotoAnswer.Serving
                + " Stored bytes that are not such an image answer 404 and 1208.")
            .AnswersPhoto().Fails(ReturnCode.InvalidField, ReturnCode.Conflict);

        admin.MapGet("/anomalies", async (AnomalyFilters filters, IClusterClient grains) =>
        {
            var query = new AnomalyQuery(filters.ClassCode, null, filters.Kind, filters.Since, filters.Until, filters.Limit, filters.Offset);
            var anomalies = await grains.GetGrain<IEvidenceGrain>(0).Anomalies(query);
            return EnvelopeAnswer.Success(await AnomalyAnswer.ListAsync(grains, anomalies));
        }).ForViewers()
            .WithSummary("Anomalies")
            .WithDescription("Newest first, filtered and a page at a time (the parameters). Each row names its kind in words (`kindWords` {zh, en}) "
                + "and says why in words (`words`).")
            .AnswersEnvelope();

        admin.MapGet("/students/{cardNo}", async (string cardNo, IClusterClient grains, PersonKeySource personKeys, CancellationToken aborted) =>
            await grains.GetGrain<IStudentGrain>(await personKeys.OfAsync(cardNo, aborted)).Describe() is { } view
                ? EnvelopeAnswer.Success(view)
                : new EnvelopeAnswer(ReturnCode.StudentNotFound, "cardNo: no student is registered under this ID number")).ForViewers()
            .WithSummary("A student by ID number").WithDescription("Identity, photo history and real-name result.")
            .AnswersEnvelope().Fails(ReturnCode.StudentNotFound);

        admin.MapPost("/classes/{classCode}/approve", async (string classCode, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IClassGrain>(classCode).Approve(OperatorName.Of(context)))).ForAdministrators()
            .WithSummary("Approve a class")
            .WithDescription("Approval queues the push to the learning platform (1.12); approving an approved class pushes it again. Recorded as "
                + "`class_approval` evidence with the signed-in account and the caller's address.")
            .AnswersEnvelope().Fails(ReturnCode.ClassNotFound, ReturnCode.InvalidField);

        admin.MapGet("/classes/{classCode}/actions", async (string classCode, IClusterClient grains) =>
            EnvelopeAnswer.Success(await EvidenceAnswer.ListAsync(grains, await grains.GetGrain<IEvidenceGrain>(0).ClassEvents(classCode, 200), classCode))).ForViewers()
            .WithSummary("A class's operator actions")
            .WithDescription("Approvals, policy changes and delivery retries on the class, newest first, with who (the signed-in account, or the business "
                + "platform for a re-pushed policy), from where and when.")
            .AnswersEnvelope();
    }
}
