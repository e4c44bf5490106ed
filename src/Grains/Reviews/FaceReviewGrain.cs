using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Reviews;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;
using Supervision.Grains.Delivery;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Reviews;

/// <summary>
/// The review of one borderline face-check photo (docs/face.md "Review"). The decision and its evidence are one
/// <see cref="LedgeredState{T}"/> commit, with a rejection's message to the student-class in the outbox
/// (<see cref="GrainMessages"/>); the review hands it over at once, and the student-class takes back the credit.
/// </summary>
/// <remarks>Calls go out to the student-class, the class and the person; none of them calls a review.</remarks>
public sealed class FaceReviewGrain(
    LedgeredStates states,
    CheckPhotoArchive archive,
    PhotoDownloader downloader,
    IOptions<FaceComparisonOptions> comparison,
    IOptions<FaceReviewOptions> review,
    GrainMessages messages,
    ILogger<FaceReviewGrain> logger,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IFaceReviewGrain
{
    private LedgeredState<FaceReviewState> state = null!;

    private long PhotoId => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = states.For<FaceReviewState>(CheckPhotoArchive.ReviewStateKind, PhotoId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return state.LoadAsync();
    }

    public async Task<Outcome<FaceReviewView>> Decide(FaceReviewDecision decision, OperatorAction by)
    {
        if (state.Current.Review is { } done)
        {
            if (done.Decision != decision)
                return Outcome.Fail(ReturnCode.Conflict, $"decision: photo {PhotoId} was already reviewed ({FaceReviewDecisionNames.Of(done.Decision)}) by {done.Operator} at {done.At:u}");
            await DeliverRejectionAsync();
            return Outcome<FaceReviewView>.Ok(state.Current.Review!);
        }

        if (await archive.FindAsync(PhotoId) is not { } photo)
            return Outcome.Fail(ReturnCode.InvalidField, $"photoId: no check photo {PhotoId}");
        var band = review.Value.Band(comparison.Value.Provider);
        if (photo.Score is not { } score || Math.Abs(score - photo.Threshold) > band || photo.Decision is not ("same" or "different"))
            return Outcome.Fail(ReturnCode.Conflict, $"photoId: photo {PhotoId} is not in the review band (score {photo.Score}, threshold {photo.Threshold} ± {band})");

        var change = state.Change(time.GetUtcNow());
        var draft = change.Draft;
        draft.Review = new FaceReviewView(PhotoId, decision, by.Operator, change.Now, 0);
        draft.ClassCode = photo.ClassCode;
        draft.StudentUserCode = photo.StudentUserCode;
        draft.UndeliveredRejection = decision == FaceReviewDecision.NotTheSamePerson
            ? new FaceCheckRejection(photo.BizCode, PhotoId, by.Operator, change.Now)
            : null;
        var details = new FaceReviewEvidence(
            PhotoId, photo.BizCode, FaceReviewDecisionNames.Of(decision), photo.Decision, score, photo.Threshold, band, photo.ReferenceDigest, by.Operator, by.Address);
        change.Events.Add(EvidenceEvent.Of(change.Now, details) with { ClassCode = photo.ClassCode, StudentUserCode = photo.StudentUserCode });
        if (draft.UndeliveredRejection is { } rejection)
        {
            change.Rows.Add(messages.FaceCheckRejected(StudentClassKey.Of(photo.ClassCode, photo.StudentUserCode), rejection, change.Now));
        }

        await state.CommitAsync(change);
        await DeliverRejectionAsync();
        return Outcome<FaceReviewView>.Ok(state.Current.Review!);
    }

    public async Task<Outcome<CheckPhotoView>> RegisteredPhoto()
    {
        if (await archive.FindReferenceAsync(PhotoId) is not { } kept)
            return Outcome.Fail(ReturnCode.InvalidField, $"photoId: no check photo {PhotoId}");
        if (kept.Digest is null)
            return await RegisteredAtCheckTimeAsync();

        // The card names the photo by this digest: bytes that no longer hash to it are not the photo compared.
        return KeptPhotos.Servable(PhotoId, kept.Digest, kept.Image, "ercunPhotos: the registered photo compared");
    }

    /// <summary>
    /// For a check photo stored before the compared bytes were kept: the photo registered when the check was made
    /// (from the person's photo history, not the one registered now), fetched now, past the comparison's cache, so
    /// that "fetched now" is what it is. The queue item says so (no digest).
    /// </summary>
    private async Task<Outcome<CheckPhotoView>> RegisteredAtCheckTimeAsync()
    {
        var photo = (await archive.FindAsync(PhotoId))!;
        var owner = await GrainFactory.GetGrain<IClassGrain>(photo.ClassCode).Describe();
        var person = owner is null ? null : await GrainFactory.GetGrain<IStudentGrain>(photo.StudentKey).RecordOf(owner.BusinessPlatformCode);
        if (person?.PhotoHistory.LastOrDefault(change => change.At <= photo.At)?.Url is not { } url)
            return Outcome.Fail(ReturnCode.ReferencePhotoUnusable, "ercunPhotos: no photo was registered when the check was made");
        try
        {
            return ServablePhoto.Of(PhotoId, await downloader.DownloadAsync(url, CancellationToken.None), ReturnCode.ReferencePhotoUnusable,
                "ercunPhotos: the photo registered at the check");
        }
        catch (PhotoFetchException e)
        {
            return Outcome.Fail(ReturnCode.ReferencePhotoUnusable, $"ercunPhotos: the registered photo could not be fetched: {e.Message}");
        }
    }

    /// <summary>
    /// Hands the committed rejection to the student-class at once and records the credit it voided; one it cannot take
    /// now is delivered by the outbox's dispatcher, or handed over again when the operator repeats the decision.
    /// </summary>
    private async Task DeliverRejectionAsync()
    {
        if (state.Current.UndeliveredRejection is not { } rejection)
        {
            return;
        }

        var studentClass = GrainFactory.GetGrain<IStudentClassGrain>(StudentClassKey.Of(state.Current.ClassCode, state.Current.StudentUserCode));
        int voided;
        try
        {
            voided = await studentClass.RejectFaceCheck(rejection);
        }
        catch (Exception e)
        {
            // The decision is committed with its message: the dispatcher delivers it (the anomaly it raises says what was voided).
            logger.LogWarning(e, "A face review's rejection could not be handed to its student-class at once; the outbox delivers it");
            return;
        }

        await messages.HandedOverAsync(GrainMessages.RejectionKey(rejection), time.GetUtcNow());
        var delivered = state.Change(time.GetUtcNow());
        delivered.Draft.UndeliveredRejection = null;
        delivered.Draft.Review = delivered.Draft.Review! with { VoidedSeconds = Math.Max(voided, delivered.Draft.Review.VoidedSeconds) };
        await state.CommitAsync(delivered);
    }
}
