using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Risk;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>
/// The regulator's questions: who is cheating (per learner), which classes and platforms are worst, on one China day; and
/// the two photos of a swap, the drill-down of a person's anomaly.
/// </summary>
public static class RiskApi
{
    /// <summary>What the three rankings share: the day, filters and page are the parameters (<see cref="RiskFilters"/>).</summary>
    private const string Ranked = "Answers `{day, total, rows}`, riskiest first: most seconds withheld (what the anomalies kept from credit: "
        + "docs/console.md), then most anomalies, then the latest. ";

    public static void MapRiskApi(this IEndpointRouteBuilder routes)
    {
        var risk = routes.MapOperatorGroup("/admin/risk");

        risk.MapGet("/learners", async (RiskFilters filters, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IRiskGrain>(0).Learners(filters.Query()))).ForViewers()
            .WithSummary("Who is cheating: learners ranked")
            .WithDescription(Ranked + "A row is one learner in one class: classCode, className, studentUserCode, platformCode, anomalies, "
                + "withheldSeconds, firstAt, lastAt and kinds [{kind, count}].")
            .AnswersEnvelope();

        risk.MapGet("/classes", async (RiskFilters filters, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IRiskGrain>(0).Classes(filters.Query()))).ForViewers()
            .WithSummary("Which classes are worst")
            .WithDescription(Ranked + "A row is one class: code, name, platformCode, learners (flagged), anomalies, withheldSeconds, lastAt, kinds.")
            .AnswersEnvelope();

        risk.MapGet("/platforms", async (RiskFilters filters, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IRiskGrain>(0).Platforms(filters.Query()))).ForViewers()
            .WithSummary("Which learning platforms are worst")
            .WithDescription(Ranked + "A row is one learning platform (code): learners (flagged), anomalies, withheldSeconds, lastAt, kinds.")
            .AnswersEnvelope();

        var admin = routes.MapOperatorGroup();
        admin.MapGet("/anomalies/{id:long}/photos/{side}", async (long id, string side, IClusterClient grains) =>
            PhotoAnswer.From(await grains.GetGrain<IPhotoSwapGrain>(0).Photo(id, Before(side)))).ForViewers()
            .WithSummary("The two photos of a swap")
            .WithDescription("For a photo_changed_after_study anomaly `id`: the photo registered before the swap (`side` = before) or the one swapped in "
                + "(after), as kept when the swap was recorded under the SHA-256 the anomaly names (personal data: operator only), never fetched now. "
                + PhotoAnswer.Serving + " Another anomaly or a wrong side answers 1003; a photo not kept at the swap (or a swap recorded before swaps kept photos) 1308.")
            .AnswersPhoto().Fails(ReturnCode.InvalidField, ReturnCode.ReferencePhotoUnusable);

        admin.MapGet("/words", () => EnvelopeAnswer.Success(new { anomalies = KindNames.Anomalies, events = KindNames.Events })).ForViewers()
            .WithSummary("Kinds in words")
            .WithDescription("What each anomaly kind (`anomalies`) and evidence kind (`events`) is called, `{zh, en}` by code.")
            .AnswersEnvelope();
    }

    private static bool Before(string side) => side switch
    {
        "before" => true,
        "after" => false,
        _ => throw new EnvelopeRejection(ReturnCode.InvalidField, "side: must be before or after"),
    };
}
