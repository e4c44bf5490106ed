using Supervision.Contracts;
using Supervision.Contracts.Reviews;
using Supervision.WebFront.Envelope;

namespace Supervision.WebFront.Apis;

/// <summary>The reviewer's queue of borderline face checks: list, both photos, decide.</summary>
public static class FaceReviewApi
{
    public static void MapFaceReviewApi(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/admin").AddEndpointFilter<EnvelopeRejectionFilter>();

        reviews.MapGet("/face-reviews", async (string? limit, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IFaceReviewQueueGrain>(0).Pending(Math.Clamp(QueryValue.Integer(limit, "limit") ?? 100, 1, 1_000))));

        reviews.MapGet("/face-reviews/{photoId:long}/registered-photo", async (long photoId, IClusterClient grains) =>
            await grains.GetGrain<IFaceReviewGrain>(photoId).RegisteredPhoto() is { Succeeded: true, Data: { } photo }
                ? Results.File(photo.Image, photo.ContentType)
                : new EnvelopeAnswer(ReturnCode.ReferencePhotoUnusable, "ercunPhotos: the registered photo cannot be shown", statusCode: StatusCodes.Status404NotFound));

        reviews.MapPost("/face-reviews/{photoId:long}", async (long photoId, string? decision, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IFaceReviewGrain>(photoId).Decide(Decision(decision), OperatorName.Of(context)), view => new
            {
                view.PhotoId,
                decision = FaceReviewDecisionNames.Of(view.Decision),
                view.Operator,
                view.At,
                view.VoidedSeconds,
            }));
    }

    private static FaceReviewDecision Decision(string? text) =>
        FaceReviewDecisionNames.Parse(text)
        ?? throw new EnvelopeRejection(ReturnCode.InvalidField, $"decision: must be {FaceReviewDecisionNames.SamePerson} or {FaceReviewDecisionNames.NotTheSamePerson}");
}
