using Supervision.Contracts.Checks;
using Supervision.FaceComparison;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// Judges one 1.6 photo: reads it (base64 or a fetched URL), compares it with the student's registered photo,
/// and refuses a pass to a capture that is an earlier check photo or the registered photo itself, as sent or edited
/// (<see cref="EditedCopyCheck"/>, with the local face prints whichever provider judges identity).
/// Every photo that could be judged comes back with its judgement and face print as a row for the attempt's ledger
/// write (<see cref="FaceVerdict.PhotoRow"/>), under an id reserved for it: stored if and only if the attempt is.
/// </summary>
public sealed class FaceVerification(
    IFaceComparer comparer,
    NearDuplicateCheck duplicates,
    FacePrinter printer,
    EditedCopyCheck copies,
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

        var probePrint = await printer.PrintAsync(probe, cancellation);
        Copied? copied = null;
        var decision = comparison.Decision switch
        {
            FaceDecision.Same => FaceCheckDecision.Same,
            FaceDecision.NoFaceInProbe => FaceCheckDecision.NoFaceInProbe,
            _ => FaceCheckDecision.Different,
        };
        if (decision == FaceCheckDecision.Same)
        {
            copied = await FindCopyAsync(subject, probeFingerprint, probePrint, referenceUrl!, reference, cancellation);
            if (copied is not null)
                decision = FaceCheckDecision.Replayed;
        }

        var photoId = await archive.ReserveIdAsync();
        var stored = archive.Row(photoId, new CheckPhotoRecord(
            subject.At, subject.StudentKey, subject.ClassCode, subject.StudentUserCode, subject.BizCode,
            photo.IsUrl ? photo.Target : null, Stored(decision), comparison.Score, comparison.Threshold, probeFingerprint, probePrint, probe,
            subject.PlatformCode, referenceUrl!, reference));
        return new FaceVerdict(decision, comparison.Score, comparison.Threshold, photoId, copied?.EarlierPhotoId, copied?.Likeness) { PhotoRow = stored };
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
    /// The photo the probe copies: a photo of an earlier check (its id), or the registered photo (id null); null when
    /// it is a new capture: the same face print edited (<see cref="EditedCopyCheck"/>), or without face prints the same
    /// frame (<see cref="NearDuplicateCheck"/>). Photos of this same check are not compared: one stored for an attempt whose
    /// commit then failed is the client's retry of it, and a retake of a failed attempt is judged again on its own,
    /// while a pass spends the check.
    /// </summary>
    private async Task<Copied?> FindCopyAsync(
        FaceCheckSubject subject, ImageFingerprint probe, FacePrint? probePrint, string referenceUrl, byte[] reference, CancellationToken cancellation)
    {
        foreach (var earlier in await archive.LatestFingerprintsAsync(subject.StudentKey, subject.BizCode))
        {
            if (CopyOf(probe, probePrint, earlier.Fingerprint, earlier.FacePrint, copies.IsCopyOfEarlier) is { } likeness)
                return new Copied(earlier.PhotoId, likeness);
        }

        var referencePrint = await references.PrintAsync(referenceUrl, reference, printer, cancellation);
        return CopyOf(probe, probePrint, Fingerprint(reference), referencePrint, copies.IsCopyOfRegistered) is { } referenceLikeness ? new Copied(null, referenceLikeness) : null;
    }

    /// <summary>
    /// The face prints' likeness when the probe copies the photo, else null. With a face print on both sides they alone
    /// decide: the grey thumbnail took two still webcam frames of one sitting for the same frame (docs/face.md "Edited
    /// copies"). Without one (no face found locally, or a photo stored before prints were kept) the thumbnail decides,
    /// a copy then counting as likeness 1.
    /// </summary>
    private double? CopyOf(ImageFingerprint probe, FacePrint? probePrint, ImageFingerprint photo, FacePrint? photoPrint, Func<double, bool> isCopy)
    {
        if (probePrint is not null && photoPrint is not null)
            return probePrint.Likeness(photoPrint) is var likeness && isCopy(likeness) ? likeness : null;
        return duplicates.IsNearDuplicate(photo, probe) ? 1 : null;
    }

    private sealed record Copied(long? EarlierPhotoId, double Likeness);
}
