using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;
using Supervision.Grains.Delivery;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Checks;

/// <summary>
/// One bizCode (SPEC rule 8): bound to the student, class, video and session it was issued for, valid until it
/// expires, good for one pass, and spent after three failed attempts. Every attempt is evidence; a replayed,
/// expired or foreign bizCode is also an anomaly. An attempt's evidence is committed with the state it changed
/// (a <see cref="LedgeredState{T}"/>), so a failed commit leaves neither: the attempt is not counted, and the
/// client's retry is judged afresh and recorded once.
/// </summary>
public sealed class ChallengeGrain(
    LedgeredStates ledgeredStates,
    FaceVerification faces,
    PersonKeys personKeys,
    GrainMessages messages,
    ILogger<ChallengeGrain> logger,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IChallengeGrain
{
    public const int MaxAttempts = 3;
    private const string StateKind = "challenge";
    private LedgeredState<ChallengeState> state = null!;

    private string BizCode => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = ledgeredStates.For<ChallengeState>(StateKind, BizCode);
        return state.LoadAsync();
    }

    public async Task Open(ChallengeTicket ticket)
    {
        var change = state.Change(time.GetUtcNow());
        change.Draft.Ticket = ticket;
        await state.CommitAsync(change);
    }

    public async Task<Outcome> SubmitCode(CodeSubmission submission)
    {
        if (state.Current.Ticket is not { } ticket)
        {
            return Outcome.Fail(ReturnCode.BizCodeUnknown, "bizCode: unknown; ask for a check through 1.7 first");
        }

        var digest = SubmissionDigest(submission.PlatformCode, submission.Device, submission.VerificationCode, submission.VideoStudyTime.ToString());
        if (RetryAnswer(digest) is { } earlier)
        {
            await HandOverAsync(ticket);
            return new Outcome(earlier.Code, earlier.Message);
        }

        var change = state.Change(time.GetUtcNow());
        if (Refusal(ticket, submission.PlatformCode, CheckKind.Code, change.Now) is { } refusal)
        {
            AddAttempt(change, ticket, refusal.Outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, refusal.Anomaly);
            await state.CommitAsync(change);
            return refusal.Outcome;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(submission.VerificationCode), Encoding.UTF8.GetBytes(ticket.Code!));
        var outcome = matches
            ? Outcome.Ok
            : Outcome.Fail(ReturnCode.CodeMismatch, $"verificationCode: does not match ({MaxAttempts - (change.Draft.Attempts + 1)} attempts left)");
        var pass = matches ? Pass(ticket, change.Now, submission.VideoStudyTime) : null;
        CountAttempt(change, ticket, pass, digest, outcome);
        AddAttempt(change, ticket, outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, null);
        await state.CommitAsync(change);
        await HandOverAsync(ticket);
        return outcome;
    }

    public async Task<Outcome<FaceResult>> SubmitFace(FaceSubmission submission)
    {
        if (state.Current.Ticket is not { } ticket)
            return Outcome.Fail(ReturnCode.BizCodeUnknown, "bizCode: unknown; ask for a check through 1.5 first");

        var digest = SubmissionDigest(submission.PlatformCode, submission.Device, submission.Photo.Target, submission.VideoStudyTime.ToString());
        if (RetryAnswer(digest) is { } earlier)
        {
            await HandOverAsync(ticket);
            return earlier;
        }

        var change = state.Change(time.GetUtcNow());
        if ((Refusal(ticket, submission.PlatformCode, CheckKind.Face, change.Now) ?? Misdirected(ticket, submission)) is { } refusal)
        {
            AddAttempt(change, ticket, refusal.Outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, refusal.Anomaly);
            await state.CommitAsync(change);
            return refusal.Outcome;
        }

        var studentKey = personKeys.Of(ticket.CardNo);
        var student = await GrainFactory.GetGrain<IStudentGrain>(studentKey).RecordOf(ticket.BusinessPlatformCode);
        var subject = new FaceCheckSubject(change.Now, studentKey, ticket.ClassCode, ticket.StudentUserCode, BizCode, ticket.PlatformCode);
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
            AddAttempt(change, ticket, unjudged, submission.PlatformCode, submission.Device, submission.VideoStudyTime, null);
            await state.CommitAsync(change);
            return unjudged;
        }

        var result = FaceAnswer(verdict, change.Draft.Attempts + 1);
        var pass = verdict.Passed ? Pass(ticket, change.Now, submission.VideoStudyTime) : null;
        CountAttempt(change, ticket, pass, digest, Outcome<FaceResult>.Ok(result));
        AddAttempt(change, ticket, Outcome.Ok, submission.PlatformCode, submission.Device, submission.VideoStudyTime, FaceAnomaly(verdict), verdict);
        change.Rows.Add(verdict.PhotoRow);
        await state.CommitAsync(change);
        await HandOverAsync(ticket);
        return Outcome<FaceResult>.Ok(result);
    }

    public Task<Outcome<string>> CodeToShow()
    {
        if (state.Current.Ticket is not { Kind: CheckKind.Code } ticket)
        {
            return Task.FromResult(Outcome<string>.Fail(ReturnCode.BizCodeUnknown, "bizCode: no pop-up code was issued under it"));
        }

        if (state.Current.Status != ChallengeStatus.Pending)
        {
            return Task.FromResult(Outcome<string>.Fail(ReturnCode.BizCodeUsed, "bizCode: already used"));
        }

        return Task.FromResult(time.GetUtcNow() > ticket.ExpiresAt
            ? Outcome<string>.Fail(ReturnCode.BizCodeExpired, "bizCode: expired")
            : Outcome<string>.Ok(ticket.Code!));
    }

    /// <summary>
    /// Counts a judged attempt on the draft, with its answer for a client retry and, if it passed, the pass: kept until
    /// the student-class has taken it, and sent as a message through the outbox (<see cref="GrainMessages"/>). All are
    /// committed with the attempt's evidence, so the answer a retry is given from here always has its check_attempt
    /// row, and a committed pass reaches its student-class whether or not the client retries.
    /// </summary>
    private void CountAttempt(StateChange<ChallengeState> change, ChallengeTicket ticket, CheckPass? pass, byte[]? digest, Outcome<FaceResult> answer)
    {
        var draft = change.Draft;
        draft.Attempts++;
        draft.Status = pass is not null ? ChallengeStatus.Passed : draft.Attempts >= MaxAttempts ? ChallengeStatus.Spent : ChallengeStatus.Pending;
        draft.LastSubmission = digest;
        draft.LastAnswer = answer;
        draft.UndeliveredPass = pass;
        if (pass is not null)
        {
            change.Rows.Add(messages.CheckPassed(StudentClass(ticket), ticket.PlatformCode, pass, change.Now));
        }
    }

    /// <summary>
    /// Hands the pass this state still holds to the student-class at once, so the learner's next report finds the check
    /// cleared, then forgets it. If the student-class cannot take it now (a silo that died, a database fault), the
    /// request is answered all the same: the committed outbox message is delivered by the dispatcher after
    /// <see cref="GrainMessages.HandOverGrace"/>, and a client retry hands it over again. The student-class takes a pass
    /// it already took as a repeat.
    /// </summary>
    private async Task HandOverAsync(ChallengeTicket ticket)
    {
        if (state.Current.UndeliveredPass is not { } pass)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IStudentClassGrain>(StudentClass(ticket)).CheckPassed(pass);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A check's pass could not be handed to its student-class at once; the outbox delivers it");
            return;
        }

        await messages.HandedOverAsync(GrainMessages.PassKey(pass), time.GetUtcNow());
        var delivered = state.Change(time.GetUtcNow());
        delivered.Draft.UndeliveredPass = null;
        await state.CommitAsync(delivered);
    }

    private static string StudentClass(ChallengeTicket ticket) => StudentClassKey.Of(ticket.ClassCode, ticket.StudentUserCode);

    private Outcome<FaceResult>? RetryAnswer(byte[]? digest) =>
        digest is not null && state.Current.LastSubmission is { } last && CryptographicOperations.FixedTimeEquals(last, digest) ? state.Current.LastAnswer : null;

    /// <summary>
    /// What makes a submission the same request sent again: its platform, envelope timestamp and payload. Without
    /// a timestamp a resubmission cannot be told from a replay, so it is judged again.
    /// </summary>
    private static byte[]? SubmissionDigest(string platformCode, DeviceInfo device, string payload, string videoStudyTime) =>
        device.ClientTimestamp is { } timestamp
            ? SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', platformCode, timestamp, videoStudyTime, payload)))
            : null;

    private CheckPass Pass(ChallengeTicket ticket, DateTimeOffset now, int videoStudyTime) =>
        new(BizCode, ticket.Kind, ticket.SessionId, now, videoStudyTime, ticket.ResCode) { AnswerMillis = AnswerMillis(ticket, now) };

    /// <summary>Issued → answered, on the server's clock: what a person needs to read and type, and a script does not.</summary>
    private static int AnswerMillis(ChallengeTicket ticket, DateTimeOffset now) => (int)Math.Clamp((now - ticket.IssuedAt).TotalMilliseconds, 0, int.MaxValue);

    private static FaceResult FaceAnswer(FaceVerdict verdict, int attempts) => verdict.Decision switch
    {
        FaceCheckDecision.Same => new FaceResult(FaceResult.Pass, "the registered student"),
        FaceCheckDecision.NoFaceInProbe => new FaceResult(FaceResult.Fail, $"no face found; retake the photo ({MaxAttempts - attempts} attempts left)"),
        FaceCheckDecision.Replayed => new FaceResult(FaceResult.Fail, $"the photo is an earlier one or the registered photo, edited or not; take a live photo ({MaxAttempts - attempts} attempts left)"),
        _ => new FaceResult(FaceResult.Fail, $"not the registered student; retake the photo ({MaxAttempts - attempts} attempts left)"),
    };

    private static Func<CheckAttemptEvidence, AnomalyDetails>? FaceAnomaly(FaceVerdict verdict) => verdict.Decision switch
    {
        FaceCheckDecision.Replayed => CheckAttemptAnomaly.Of<FacePhotoReplayed>,
        FaceCheckDecision.Different => CheckAttemptAnomaly.Of<FaceMismatch>,
        _ => null,
    };

    /// <summary>1.6 names the student, class and video: they must be the ones the bizCode was issued for.</summary>
    private static (Outcome Outcome, Func<CheckAttemptEvidence, AnomalyDetails> Anomaly)? Misdirected(ChallengeTicket ticket, FaceSubmission submission) =>
        ticket.ClassCode == submission.ClassCode && ticket.StudentUserCode == submission.StudentUserCode && ticket.ResCode == submission.ResCode
            ? null
            : (Outcome.Fail(ReturnCode.BizCodeForeign, "bizCode: was issued for another student, class or resource"), CheckAttemptAnomaly.Of<BizCodeForeign>);

    /// <summary>Why this submission cannot be judged at all, with the anomaly it counts as; null when it can.</summary>
    private (Outcome Outcome, Func<CheckAttemptEvidence, AnomalyDetails> Anomaly)? Refusal(ChallengeTicket ticket, string platformCode, CheckKind kind, DateTimeOffset now)
    {
        if (ticket.PlatformCode != platformCode)
        {
            return (Outcome.Fail(ReturnCode.BizCodeForeign, "bizCode: was issued to another platform"), CheckAttemptAnomaly.Of<BizCodeForeign>);
        }

        if (ticket.Kind != kind)
        {
            return (Outcome.Fail(ReturnCode.BizCodeForeign, $"bizCode: was issued for a {ticket.Kind.ToString().ToLowerInvariant()} check"), CheckAttemptAnomaly.Of<BizCodeForeign>);
        }

        if (state.Current.Status != ChallengeStatus.Pending)
        {
            return (Outcome.Fail(ReturnCode.BizCodeUsed, $"bizCode: already {state.Current.Status.ToString().ToLowerInvariant()}; ask for a new check"), CheckAttemptAnomaly.Of<BizCodeReplayed>);
        }

        if (now > ticket.ExpiresAt)
        {
            return (Outcome.Fail(ReturnCode.BizCodeExpired, $"bizCode: expired at {ticket.ExpiresAt:u}; ask for a new check"), CheckAttemptAnomaly.Of<BizCodeExpired>);
        }

        return null;
    }

    /// <summary>Adds the attempt's check_attempt row, and its anomaly if any, to the change that commits it.</summary>
    private void AddAttempt(StateChange<ChallengeState> change, ChallengeTicket ticket, Outcome outcome, string platformCode, DeviceInfo device, int videoStudyTime,
        Func<CheckAttemptEvidence, AnomalyDetails>? anomaly, FaceVerdict? verdict = null)
    {
        var face = verdict is null ? null : new FaceJudgement(
            FaceVerification.Stored(verdict.Decision), verdict.Score, verdict.Threshold, verdict.PhotoId, verdict.ReplayOf,
            verdict.Decision != FaceCheckDecision.Replayed ? null : verdict.ReplayOf is null ? FaceJudgement.CopiesRegisteredPhoto : FaceJudgement.CopiesCheckPhoto,
            verdict.CopyLikeness);
        var attempt = new CheckAttemptEvidence(
            BizCode, ticket.Kind.ToString(), change.Draft.Attempts, AnswerMillis(ticket, change.Now), videoStudyTime, outcome.Succeeded ? null : outcome.Message, face);
        change.Events.Add(EvidenceEvent.Of(change.Now, attempt) with
        {
            ClassCode = ticket.ClassCode, StudentUserCode = ticket.StudentUserCode, CardNo = ticket.CardNo, ResCode = ticket.ResCode, SessionId = ticket.SessionId,
            Outcome = outcome.Code, PlatformCode = platformCode, Device = device,
        });
        if (anomaly is not null)
        {
            change.Anomalies.Add(AnomalyRecord.Of(change.Now, anomaly(attempt)) with
            {
                ClassCode = ticket.ClassCode, StudentUserCode = ticket.StudentUserCode, CardNo = ticket.CardNo, ResCode = ticket.ResCode, SessionId = ticket.SessionId,
            });
        }
    }
}
