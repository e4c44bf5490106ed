using Supervision.Contracts.Checks;
using Supervision.FaceComparison;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// Judges one 1.6 photo: reads it (base64 or a fetched URL), compares it with the student's registered photo,
/// and refuses a pass to a capture that repeats an earlier check photo or the registered photo itself.
/// Every photo that could be read is stored with its judgement before the judgement is returned.
/// </summary>
public sealed class FaceVerification(
    IFaceComparer comparer,
    NearDuplicateCheck duplicates,
    ReferencePhotoCache references,
    PhotoDownloader downloader,
    CheckPhotoArchive archive)
{
    /// <exception cref="ImageRejectedException">The submitted photo is not an acceptable image.</exception>
    /// <exception cref="PhotoFetchException">The submitted photo's URL could not be fetched.</exception>
    /// <exception cref="ReferencePhotoException">The registered photo is missing or unusable.</exception>
    public async Task<FaceVerdict> VerifyAsync(FaceCheckSubject subject, string? referenceUrl, FacePhoto photo, CancellationToken cancellation)
    {
        var probe = photo.IsUrl ? await downloader.DownloadAsync(photo.Target, cancellation) : Base64Image.Decode(photo.Target);
        var probeFingerprint = Fingerprint(probe);
        var reference = await ReferenceAsync(referenceUrl, cancellation);

        FaceComparison.FaceComparison comparison;
        try
        {
            comparison = await comparer.CompareAsync(reference, probe, cancellation);
        }
        catch (ImageRejectedException e)
        {
            // The probe already passed the same checks above, so a rejection here is the registered photo's.
            throw new ReferencePhotoException($"the registered photo is not usable: {e.Message}", e);
        }

        if (comparison.Decision == FaceDecision.NoFaceInReference)
            throw new ReferencePhotoException("no face was found in the registered photo");

        long? replayOf = null;
        var decision = comparison.Decision switch
        {
            FaceDecision.Same => FaceCheckDecision.Same,
            FaceDecision.NoFaceInProbe => FaceCheckDecision.NoFaceInProbe,
            _ => FaceCheckDecision.Different,
        };
        if (decision == FaceCheckDecision.Same)
        {
            var (replayed, earlierPhotoId) = await FindReplayAsync(subject, probeFingerprint, reference);
            if (replayed)
            {
                decision = FaceCheckDecision.Replayed;
                replayOf = earlierPhotoId;
            }
        }

        var photoId = await archive.StoreAsync(new CheckPhotoRecord(
            subject.At, subject.StudentKey, subject.ClassCode, subject.StudentUserCode, subject.BizCode,
            photo.IsUrl ? photo.Target : null, Stored(decision), comparison.Score, comparison.Threshold, probeFingerprint, probe,
            subject.PlatformCode, referenceUrl!, reference));
        return new FaceVerdict(decision, comparison.Score, comparison.Threshold, photoId, replayOf);
    }

    public static string Stored(FaceCheckDecision decision) => decision switch
    {
        FaceCheckDecision.Same => "same",
        FaceCheckDecision.Different => "different",
        FaceCheckDecision.NoFaceInProbe => "no_face_in_probe",
        _ => "replayed",
    };

    private static ImageFingerprint Fingerprint(byte[] image)
    {
        using var decoded = ImageCheck.Decode(image);
        return ImageFingerprint.Of(decoded.Bitmap);
    }

    private async Task<byte[]> ReferenceAsync(string? url, CancellationToken cancellation)
    {
        if (url is null)
            throw new ReferencePhotoException("the student has no registered two-inch photo (ercunPhotos, 1.11)");
        try
        {
            return await references.GetAsync(url, cancellation);
        }
        catch (PhotoFetchException e)
        {
            throw new ReferencePhotoException($"the registered photo could not be fetched: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether the photo repeats a photo of an earlier check (whose id is returned) or the registered photo (id
    /// null). Photos of this same check are not compared: one stored for an attempt whose commit then failed is
    /// the client's retry of it, and a retake of a failed attempt is judged again on its own, while a pass spends
    /// the check.
    /// </summary>
    private async Task<(bool Replayed, long? EarlierPhotoId)> FindReplayAsync(FaceCheckSubject subject, ImageFingerprint probe, byte[] reference)
    {
        var earlier = await archive.LatestFingerprintsAsync(subject.StudentKey, subject.BizCode);
        if (earlier.FirstOrDefault(e => duplicates.IsNearDuplicate(e.Fingerprint, probe)) is { } repeated)
            return (true, repeated.PhotoId);
        return (duplicates.IsNearDuplicate(Fingerprint(reference), probe), null);
    }
}
