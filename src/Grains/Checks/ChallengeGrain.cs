using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Checks;

/// <summary>
/// One bizCode (SPEC rule 8): bound to the student, class, video and session it was issued for, valid until it
/// expires, good for one pass, and spent after three failed attempts. Every attempt is evidence; a replayed,
/// expired or foreign bizCode is also an anomaly.
/// </summary>
public sealed class ChallengeGrain(
    [PersistentState("challenge", StorageNames.Main)] IPersistentState<ChallengeState> state,
    EvidenceLedger ledger,
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

        var now = time.GetUtcNow();
        var refusal = Refusal(ticket, submission.PlatformCode, CheckKind.Code, now);
        if (refusal is not null)
        {
            await RecordAsync(ticket, now, refusal.Value.Outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, refusal.Value.Anomaly);
            return refusal.Value.Outcome;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(submission.VerificationCode), Encoding.UTF8.GetBytes(ticket.Code!));
        state.State.Attempts++;
        state.State.Status = matches ? ChallengeStatus.Passed : state.State.Attempts >= MaxAttempts ? ChallengeStatus.Spent : ChallengeStatus.Pending;
        await state.WriteStateAsync();

        var outcome = matches
            ? Outcome.Ok
            : Outcome.Fail(ReturnCode.CodeMismatch, $"verificationCode: does not match ({MaxAttempts - state.State.Attempts} attempts left)");
        await RecordAsync(ticket, now, outcome, submission.PlatformCode, submission.Device, submission.VideoStudyTime, null);
        if (matches)
        {
            await GrainFactory.GetGrain<IStudentClassGrain>(StudentClassKey.Of(ticket.ClassCode, ticket.StudentUserCode))
                .CheckPassed(new CheckPass(BizCode, ticket.Kind, ticket.SessionId, now, submission.VideoStudyTime));
        }

        return outcome;
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

    private Task RecordAsync(ChallengeTicket ticket, DateTimeOffset now, Outcome outcome, string platformCode, DeviceInfo device, int videoStudyTime, string? anomaly)
    {
        var details = JsonSerializer.Serialize(new { bizCode = BizCode, kind = ticket.Kind.ToString(), attempts = state.State.Attempts, videoStudyTime });
        var evidence = new EvidenceEvent(now, "check_attempt", ticket.ClassCode, ticket.StudentUserCode, ticket.CardNo, ticket.ResCode, ticket.SessionId,
            outcome.Code, 0, null, null, platformCode, device, details);
        IReadOnlyList<AnomalyRecord> anomalies = anomaly is null
            ? []
            : [new AnomalyRecord(now, anomaly, ticket.ClassCode, ticket.StudentUserCode, ticket.CardNo, ticket.ResCode, ticket.SessionId, details)];
        return ledger.CommitAsync(new LedgerWrite(null, [evidence], anomalies));
    }
}
