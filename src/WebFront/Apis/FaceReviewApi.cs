using Supervision.Contracts;
using Supervision.Contracts.Reviews;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>The reviewer's queue of borderline face checks: list a page, both photos, decide.</summary>
public static class FaceReviewApi
{
    public const int DefaultPageSize = 20;

    public static void MapFaceReviewApi(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>().AddEndpointFilter<StoredRouteKeys>();

        reviews.MapGet("/face-reviews", async (string? page, string? pageSize, string? platformCode, string? classCode, string? sort, IClusterClient grains) =>
        {
            var query = new FaceReviewQuery(
                Math.Max(QueryValue.Integer(page, "page") ?? 1, 1),
                Math.Clamp(QueryValue.Integer(pageSize, "pageSize") ?? DefaultPageSize, 1, FaceReviewQuery.MaxPageSize),
                Filter(platformCode), Filter(classCode), Order(sort));
            return EnvelopeAnswer.Success(await grains.GetGrain<IFaceReviewQueueGrain>(0).Pending(query));
        }).ForViewers();

        reviews.MapGet("/face-reviews/{photoId:long}/registered-photo", async (long photoId, IClusterClient grains) =>
            PhotoAnswer.From(await grains.GetGrain<IFaceReviewGrain>(photoId).RegisteredPhoto())).ForViewers();

        reviews.MapPost("/face-reviews/{photoId:long}", async (long photoId, string? decision, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IFaceReviewGrain>(photoId).Decide(Decision(decision), OperatorName.Of(context)), view => new
            {
                view.PhotoId,
                decision = FaceReviewDecisionNames.Of(view.Decision),
                view.Operator,
                view.At,
                view.VoidedSeconds,
            })).ForReviewers();
    }

    private static string? Filter(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FaceReviewOrder Order(string? text) => text switch
    {
        null or "" or "risk" => FaceReviewOrder.Risk,
        "newest" => FaceReviewOrder.Newest,
        _ => throw new EnvelopeRejection(ReturnCode.InvalidField, "sort: must be risk or newest"),
    };

    private static FaceReviewDecision Decision(string? text) =>
        FaceReviewDecisionNames.Parse(text)
        ?? throw new EnvelopeRejection(ReturnCode.InvalidField, $"decision: must be {FaceReviewDecisionNames.SamePerson} or {FaceReviewDecisionNames.NotTheSamePerson}");
}
