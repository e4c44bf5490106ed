using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Checks;

/// <summary>
/// One bizCode (SPEC rule 8): bound to the student, class, video and session it was issued for, valid until it
/// expires, good for one pass, and spent after three failed attempts. Every attempt is evidence; a replayed,
/// expired or foreign bizCode is also an anomaly.
/// </summary>
public sealed class ChallengeGrain(
    [PersistentState("challenge", StorageNames.Main)] IPersistentState<ChallengeState> state,
    EvidenceLedger ledger,
    FaceVerification faces,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IChallengeGrain
{
    public const int MaxAttempts = 3;

    private string BizCode => this.GetPrimaryKeyString();

    public async Task Open(ChallengeTicket ticket)
    {
        state.State.Ticket = ticket;
        await state.WriteStateAsync();
    }

    public async Task<Outcome> SubmitCode(CodeSubmission submission)
    {
        if (state.State.Ticket is not { } ticket)
        {
            return Outcome.Fail(ReturnCode.BizCodeUnknown, "bizCode: unknown; ask for a check through 1.7 first");
        }

        var digest = SubmissionDigest(submission.PlatformCode, submission.Device, submission.VerificationCode, submission.VideoStudyTime.ToString());
        if (RetryAnswer(digest) is { } earlier)
        {
            await DeliverPassAsync(ticket);
            return new Outcome(earlier.Code, earlier.Message);
        }

        var now = time.GetUtcNow();
        var refusal = Refusal(ticket, submission.PlatformCode, CheckKind.Code, now);
        if (refusal is not null)
        {
            await RecordAsync(ticket, now, refusal.Value.Outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, refusal.Value.Anomaly);
            return refusal.Value.Outcome;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(submission.VerificationCode), Encoding.UTF8.GetBytes(ticket.Code!));
        var outcome = matches
            ? Outcome.Ok
            : Outcome.Fail(ReturnCode.CodeMismatch, $"verificationCode: does not match ({MaxAttempts - (state.State.Attempts + 1)} attempts left)");
        await CountAttemptAsync(matches ? Pass(ticket, now, submission.VideoStudyTime) : null, digest, outcome);
        await RecordAsync(ticket, now, outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, null);
        await DeliverPassAsync(ticket);
        return outcome;
    }

    public async Task<Outcome<FaceResult>> SubmitFace(FaceSubmission submission)
    {
        if (state.State.Ticket is not { } ticket)
            return Outcome.Fail(ReturnCode.BizCodeUnknown, "bizCode: unknown; ask for a check through 1.5 first");

        var digest = SubmissionDigest(submission.PlatformCode, submission.Device, submission.Photo.Target, submission.VideoStudyTime.ToString());
        if (RetryAnswer(digest) is { } earlier)
        {
            await DeliverPassAsync(ticket);
            return earlier;
        }

        var now = time.GetUtcNow();
        var refusal = Refusal(ticket, submission.PlatformCode, CheckKind.Face, now) ?? Misdirected(ticket, submission);
        if (refusal is not null)
        {
            await RecordAsync(ticket, now, refusal.Value.Outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, refusal.Value.Anomaly);
            return refusal.Value.Outcome;
        }

        var student = await GrainFactory.GetGrain<IStudentGrain>(StudentKey.Of(ticket.CardNo)).Describe();
        var subject = new FaceCheckSubject(now, StudentKey.Of(ticket.CardNo), ticket.ClassCode, ticket.StudentUserCode, BizCode);
        FaceVerdict verdict;
        try
        {
            verdict = await faces.VerifyAsync(subject, student?.ErcunPhotoUrl, submission.Photo, CancellationToken.None);
        }
        catch (Exception e) when (e is ImageRejectedException or PhotoFetchException or ReferencePhotoException)
        {
            var unjudged = e is ReferencePhotoException
                ? Outcome.Fail(ReturnCode.ReferencePhotoUnusable, $"ercunPhotos: {e.Message}")
                : Outcome.Fail(ReturnCode.InvalidField, $"target: {e.Message}");
            await RecordAsync(ticket, now, unjudged, submission.PlatformCode, submission.Device, submission.VideoStudyTime, null);
            return unjudged;
        }

        var result = FaceAnswer(verdict, state.State.Attempts + 1);
        await CountAttemptAsync(verdict.Passed ? Pass(ticket, now, submission.VideoStudyTime) : null, digest, Outcome<FaceResult>.Ok(result));
        await RecordAsync(ticket, now, Outcome.Ok, submission.PlatformCode, submission.Device, submission.VideoStudyTime, FaceAnomaly(verdict), verdict);
        await DeliverPassAsync(ticket);
        return Outcome<FaceResult>.Ok(result);
    }

    public Task<Outcome<string>> CodeToShow()
    {
        if (state.State.Ticket is not { Kind: CheckKind.Code } ticket)
        {
            return Task.FromResult(Outcome<string>.Fail(ReturnCode.BizCodeUnknown, "bizCode: no pop-up code was issued under it"));
        }

        if (state.State.Status != ChallengeStatus.Pending)
        {
            return Task.FromResult(Outcome<string>.Fail(ReturnCode.BizCodeUsed, "bizCode: already used"));
        }

        return Task.FromResult(time.GetUtcNow() > ticket.ExpiresAt
            ? Outcome<string>.Fail(ReturnCode.BizCodeExpired, "bizCode: expired")
            : Outcome<string>.Ok(ticket.Code!));
    }

    /// <summary>
    /// Counts a judged attempt, remembers its answer for a client retry and, if it passed, the pass still to
    /// deliver, in one state write.
    /// </summary>
    /// <remarks>
    /// The attempt's evidence (<see cref="RecordAsync"/>) is committed after this write, in another
    /// transaction: if that commit fails, the client's retry is answered from the stored answer and the
    /// attempt has no check_attempt row (at most once). A passing attempt is still evidenced by the
    /// student-class's check_passed row once its pass is delivered. Recording it again on a retry would need
    /// the evidence kept in this state and a second write to mark it committed, and would still record it
    /// twice when the silo dies between the commit and that write: exactly once needs this state and the
    /// evidence in one transaction, as the student-class has through the <see cref="EvidenceLedger"/>.
    /// </remarks>
    private async Task CountAttemptAsync(CheckPass? pass, byte[]? digest, Outcome<FaceResult> answer)
    {
        state.State.Attempts++;
        state.State.Status = pass is not null ? ChallengeStatus.Passed : state.State.Attempts >= MaxAttempts ? ChallengeStatus.Spent : ChallengeStatus.Pending;
        state.State.LastSubmission = digest;
        state.State.LastAnswer = answer;
        state.State.UndeliveredPass = pass;
        await state.WriteStateAsync();
    }

    /// <summary>
    /// Hands the student-class the pass this state still holds, then forgets it. The attempt is counted before
    /// the pass is delivered, so a delivery that failed (a silo that died, a database fault) leaves the pass
    /// here, and the client's retry, answered from the stored answer, delivers it: otherwise the learner would
    /// be told "passed" while the check stays due. The student-class ignores a pass it has already taken, for
    /// a delivery whose forgetting failed.
    /// </summary>
    private async Task DeliverPassAsync(ChallengeTicket ticket)
    {
        if (state.State.UndeliveredPass is not { } pass)
        {
            return;
        }

        await GrainFactory.GetGrain<IStudentClassGrain>(StudentClassKey.Of(ticket.ClassCode, ticket.StudentUserCode)).CheckPassed(pass);
        state.State.UndeliveredPass = null;
        await state.WriteStateAsync();
    }

    private Outcome<FaceResult>? RetryAnswer(byte[]? digest) =>
        digest is not null && state.State.LastSubmission is { } last && CryptographicOperations.FixedTimeEquals(last, digest) ? state.State.LastAnswer : null;

    /// <summary>
    /// What makes a submission the same request sent again: its platform, envelope timestamp and payload. Without
    /// a timestamp a resubmission cannot be told from a replay, so it is judged again.
    /// </summary>
    private static byte[]? SubmissionDigest(string platformCode, DeviceInfo device, string payload, string videoStudyTime) =>
        device.ClientTimestamp is { } timestamp
            ? SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', platformCode, timestamp, videoStudyTime, payload)))
            : null;

    private CheckPass Pass(ChallengeTicket ticket, DateTimeOffset now, int videoStudyTime) => new(BizCode, ticket.Kind, ticket.SessionId, now, videoStudyTime, ticket.ResCode);

    private static FaceResult FaceAnswer(FaceVerdict verdict, int attempts) => verdict.Decision switch
    {
        FaceCheckDecision.Same => new FaceResult(FaceResult.Pass, "the registered student"),
        FaceCheckDecision.NoFaceInProbe => new FaceResult(FaceResult.Fail, $"no face found; retake the photo ({MaxAttempts - attempts} attempts left)"),
        FaceCheckDecision.Replayed => new FaceResult(FaceResult.Fail, $"the photo repeats an earlier one; take a live photo ({MaxAttempts - attempts} attempts left)"),
        _ => new FaceResult(FaceResult.Fail, $"not the registered student; retake the photo ({MaxAttempts - attempts} attempts left)"),
    };

    private static string? FaceAnomaly(FaceVerdict verdict) => verdict.Decision switch
    {
        FaceCheckDecision.Replayed => AnomalyKind.FacePhotoReplayed,
        FaceCheckDecision.Different => AnomalyKind.FaceMismatch,
        _ => null,
    };

    /// <summary>1.6 names the student, class and video: they must be the ones the bizCode was issued for.</summary>
    private static (Outcome Outcome, string? Anomaly)? Misdirected(ChallengeTicket ticket, FaceSubmission submission) =>
        ticket.ClassCode == submission.ClassCode && ticket.StudentUserCode == submission.StudentUserCode && ticket.ResCode == submission.ResCode
            ? null
            : (Outcome.Fail(ReturnCode.BizCodeForeign, "bizCode: was issued for another student, class or resource"), AnomalyKind.BizCodeForeign);

    /// <summary>Why this submission cannot be judged at all, with the anomaly it counts as; null when it can.</summary>
    private (Outcome Outcome, string? Anomaly)? Refusal(ChallengeTicket ticket, string platformCode, CheckKind kind, DateTimeOffset now)
    {
        if (ticket.PlatformCode != platformCode)
        {
            return (Outcome.Fail(ReturnCode.BizCodeForeign, "bizCode: was issued to another platform"), AnomalyKind.BizCodeForeign);
        }

        if (ticket.Kind != kind)
        {
            return (Outcome.Fail(ReturnCode.BizCodeForeign, $"bizCode: was issued for a {ticket.Kind.ToString().ToLowerInvariant()} check"), AnomalyKind.BizCodeForeign);
        }

        if (state.State.Status != ChallengeStatus.Pending)
        {
            return (Outcome.Fail(ReturnCode.BizCodeUsed, $"bizCode: already {state.State.Status.ToString().ToLowerInvariant()}; ask for a new check"), AnomalyKind.BizCodeReplayed);
        }

        if (now > ticket.ExpiresAt)
        {
            return (Outcome.Fail(ReturnCode.BizCodeExpired, $"bizCode: expired at {ticket.ExpiresAt:u}; ask for a new check"), AnomalyKind.BizCodeExpired);
        }

        return null;
    }

    private Task RecordAsync(ChallengeTicket ticket, DateTimeOffset now, Outcome outcome, string platformCode, DeviceInfo device, int videoStudyTime, string? anomaly, FaceVerdict? verdict = null)
    {
        var details = JsonSerializer.Serialize(new
        {
            bizCode = BizCode,
            kind = ticket.Kind.ToString(),
            attempts = state.State.Attempts,
            videoStudyTime,
            message = outcome.Succeeded ? null : outcome.Message,
            face = verdict is null ? null : new
            {
                decision = FaceVerification.Stored(verdict.Decision),
                score = verdict.Score,
                threshold = verdict.Threshold,
                photoId = verdict.PhotoId,
                replayOf = verdict.ReplayOf,
            },
        });
        var evidence = new EvidenceEvent(now, "check_attempt", ticket.ClassCode, ticket.StudentUserCode, ticket.CardNo, ticket.ResCode, ticket.SessionId,
            outcome.Code, 0, null, null, platformCode, device, details);
        IReadOnlyList<AnomalyRecord> anomalies = anomaly is null
            ? []
            : [new AnomalyRecord(now, anomaly, ticket.ClassCode, ticket.StudentUserCode, ticket.CardNo, ticket.ResCode, ticket.SessionId, details)];
        return ledger.CommitAsync(new LedgerWrite(null, [evidence], anomalies));
    }
}
