using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Crowd and bot flags for the operator (docs/study-rules.md "Flags"): the list with where each review stands, and the
/// decision, void or clear, recorded with the X-Operator name on the learner's evidence.
/// </summary>
public static class FlagApi
{
    private const string Void = FlagDecision.VoidName;
    private const string Clear = FlagDecision.ClearName;

    public static void MapFlagApi(this IEndpointRouteBuilder routes)
    {
        var flags = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        flags.MapGet("/flags", async (string? classCode, string? review, string? limit, IClusterClient grains) =>
        {
            if (review is not null && review is not (AnomalyView.UnderReview or Void or Clear))
                return new EnvelopeAnswer(ReturnCode.InvalidField, $"review: must be {AnomalyView.UnderReview}, {Void} or {Clear}");
            var count = Math.Clamp(QueryValue.Integer(limit, "limit") ?? 500, 1, 5_000);
            var evidence = grains.GetGrain<IEvidenceGrain>(0);
            var lists = await Task.WhenAll(AnomalyKind.Flags.Select(kind => evidence.Anomalies(new AnomalyQuery(classCode, null, kind, Limit: count))));
            return EnvelopeAnswer.Success(await AnomalyAnswer.ListAsync(grains, lists.SelectMany(l => l).Where(a => review is null || a.Review == review)
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(count)));
        }).ForViewers();

        flags.MapPost("/flags/{id:long}", async (long id, string? decision, HttpContext context, IClusterClient grains) =>
        {
            var voids = decision switch
            {
                Void => true,
                Clear => false,
                _ => throw new EnvelopeRejection(ReturnCode.InvalidField, $"decision: must be {Void} or {Clear}"),
            };
            var by = OperatorName.Of(context);
            if (await grains.GetGrain<IEvidenceGrain>(0).Anomaly(id) is not { ClassCode: { } classCode, StudentUserCode: { } student } flag
                || !AnomalyKind.Flags.Contains(flag.Kind) || FlagId(flag) is not { } flagId)
            {
                return new EnvelopeAnswer(ReturnCode.InvalidField, "id: no crowd or bot flag has this id", statusCode: StatusCodes.Status404NotFound);
            }

            var outcome = await grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(classCode, student)).DecideFlag(new FlagDecision(flagId, voids, by));
            return EnvelopeAnswer.From(outcome, decided => new { id, kind = flag.Kind, decision = decided.Decision, @operator = by.Operator, at = decided.DecidedAt, voidedSeconds = decided.VoidedSeconds });
        }).ForReviewers();
    }

    /// <summary>The flag's id in its anomaly's details, which the learner's state knows it by.</summary>
    private static Guid? FlagId(AnomalyView flag) => DetailsJson.ReadAnomaly(flag.Kind, flag.Details) switch
    {
        CheckAnswerBot bot => bot.FlagId,
        CrowdLockstep crowd => crowd.FlagId,
        _ => null,
    };
}
