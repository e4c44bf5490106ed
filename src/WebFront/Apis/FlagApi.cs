using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>
/// Crowd and bot flags for the operator (docs/study-rules.md "Flags"): the list with where each review stands, and the
/// decision, void or clear, recorded with the X-Operator name on the learner's evidence.
/// </summary>
public static class FlagApi
{
    public static void MapFlagApi(this IEndpointRouteBuilder routes)
    {
        var flags = routes.MapOperatorGroup();

        flags.MapGet("/flags", async (FlagFilters filters, IClusterClient grains) =>
        {
            var evidence = grains.GetGrain<IEvidenceGrain>(0);
            var lists = await Task.WhenAll(AnomalyKind.Flags.Select(kind => evidence.Anomalies(new AnomalyQuery(filters.ClassCode, null, kind, Limit: filters.Limit))));
            return EnvelopeAnswer.Success(await AnomalyAnswer.ListAsync(grains, lists.SelectMany(l => l).Where(a => filters.Review is null || a.Review == filters.Review)
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(filters.Limit)));
        }).ForViewers()
            .WithSummary("Crowd and bot flags")
            .WithDescription("The anomalies check_answer_bot and crowd_lockstep, newest first, each with `review` = under_review, void or clear. A flag "
                + "keeps the learner's credit until an operator voids it (docs/study-rules.md \"Flags\").")
            .AnswersEnvelope();

        flags.MapPost("/flags/{id:long}", async (long id, FlagVerdict verdict, HttpContext context, IClusterClient grains) =>
        {
            var by = OperatorName.Of(context);
            if (await grains.GetGrain<IEvidenceGrain>(0).Anomaly(id) is not { ClassCode: { } classCode, StudentUserCode: { } student } flag
                || !AnomalyKind.Flags.Contains(flag.Kind) || FlagId(flag) is not { } flagId)
            {
                return new EnvelopeAnswer(ReturnCode.InvalidField, "id: no crowd or bot flag has this id", statusCode: StatusCodes.Status404NotFound);
            }

            var outcome = await grains.GetGrain<IStudentClassGrain>(StudentClassKey.Of(classCode, student)).DecideFlag(new FlagDecision(flagId, verdict.Voids, by));
            return EnvelopeAnswer.From(outcome, decided => new { id, kind = flag.Kind, decision = decided.Decision, @operator = by.Operator, at = decided.DecidedAt, voidedSeconds = decided.VoidedSeconds });
        }).ForReviewers()
            .WithSummary("Decide a crowd or bot flag")
            .WithDescription("void takes back what the learner was credited in the class from the flag's `since` to now, as credit_voided evidence "
                + "(2.5 answers less); clear keeps the credit. Recorded as `flag_decision` evidence with the signed-in account and the caller's "
                + "address. Decided once; answers id, kind, decision, operator, at, voidedSeconds.")
            .AnswersEnvelope().Fails(ReturnCode.InvalidField, ReturnCode.Conflict);
    }

    /// <summary>The flag's id in its anomaly's details, which the learner's state knows it by.</summary>
    private static Guid? FlagId(AnomalyView flag) => DetailsJson.ReadAnomaly(flag.Kind, flag.Details) switch
    {
        CheckAnswerBot bot => bot.FlagId,
        CrowdLockstep crowd => crowd.FlagId,
        _ => null,
    };
}
