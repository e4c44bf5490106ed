using Supervision.Contracts;
using Supervision.Contracts.Reviews;
using Supervision.WebFront.Declarations;
using Supervision.WebFront.Envelope;
using Supervision.WebFront.Queries;

namespace Supervision.WebFront.Apis;

/// <summary>The reviewer's queue of borderline face checks: list a page, both photos, decide.</summary>
public static class FaceReviewApi
{
    public const int DefaultPageSize = 20;

    public static void MapFaceReviewApi(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapOperatorGroup();

        reviews.MapGet("/face-reviews", async (FaceReviewListing page, IClusterClient grains) =>
            EnvelopeAnswer.Success(await grains.GetGrain<IFaceReviewQueueGrain>(0).Pending(page.Query()))).ForViewers()
            .WithSummary("Face checks waiting for review")
            .WithDescription("Photos whose score is within the review band of the threshold (docs/face.md \"Review\"), one item per learner in a class "
                + "however many of their photos wait, a page at a time: `{total, page, pageSize, items}`, `total` counting learners under the "
                + "filter. `sort` = risk: learners with a pass in the band first, the pass nearest the threshold first, then more attempts, then "
                + "the latest; newest: latest attempt first. An item is its riskiest photo (photoId, at, bizCode, machineDecision, score, "
                + "threshold, band) with classCode, studentUserCode, platformCode, attempts, passes, latestAt, and referenceDigest: the SHA-256 "
                + "(hex) of the registered photo that photo was compared against, null for a photo stored before those were kept.")
            .AnswersEnvelope();

        reviews.MapGet("/face-reviews/{photoId:long}/registered-photo", async (long photoId, IClusterClient grains) =>
            PhotoAnswer.From(await grains.GetGrain<IFaceReviewGrain>(photoId).RegisteredPhoto())).ForViewers()
            .WithSummary("The registered photo a check photo was compared against")
            .WithDescription("The registered two-inch photo (personal data: operator only) exactly as check photo `photoId` was compared against it, kept "
                + "with the check photo, whatever the student's registered photo or the bytes behind its URL are now. For a photo stored before "
                + "those were kept (its queue item has no referenceDigest): the photo registered when the check was made, fetched now. "
                + PhotoAnswer.Serving + " A photo that cannot be shown answers 404 and 1308.")
            .AnswersPhoto().Fails(ReturnCode.InvalidField, ReturnCode.ReferencePhotoUnusable);

        reviews.MapPost("/face-reviews/{photoId:long}", async (long photoId, FaceReviewVerdict verdict, HttpContext context, IClusterClient grains) =>
            EnvelopeAnswer.From(await grains.GetGrain<IFaceReviewGrain>(photoId).Decide(verdict.Verdict, OperatorName.Of(context)), view => new
            {
                view.PhotoId,
                decision = FaceReviewDecisionNames.Of(view.Decision),
                view.Operator,
                view.At,
                view.VoidedSeconds,
            })).ForReviewers()
            .WithSummary("Decide a face check")
            .WithDescription("same_person is recorded and changes nothing; not_the_same_person voids the credit the check's pass let the video earn "
                + "until the next pass and raises face_review_rejected. Decided once; answers photoId, decision, operator, at, voidedSeconds.")
            .AnswersEnvelope().Fails(ReturnCode.InvalidField, ReturnCode.Conflict);
    }
}
