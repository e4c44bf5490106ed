using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Students;

public sealed class StudentGrain(
    [PersistentState("student", StorageNames.Main)] IPersistentState<StudentState> state,
    EvidenceLedger ledger,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentGrain
{
    private string CardNo => state.State.CardNo;

    public async Task Register(StudentRegistration registration, string businessPlatformCode)
    {
        var s = state.State;
        var unchanged = state.RecordExists
            && s.CardNo == registration.CardNo
            && s.Name == registration.Name
            && s.StudentCode == (registration.StudentCode ?? s.StudentCode)
            && s.Mobile == (registration.Mobile ?? s.Mobile)
            && s.ErcunPhotoUrl == (registration.ErcunPhotoUrl ?? s.ErcunPhotoUrl)
            && s.Remark == (registration.Remark ?? s.Remark)
            && s.BusinessPlatformCodes.Contains(businessPlatformCode)
            && (registration.LearningPlatformCode is null || s.LearningPlatformCodes.Contains(registration.LearningPlatformCode));
        if (unchanged)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (registration.ErcunPhotoUrl is { } photo && photo != s.ErcunPhotoUrl)
        {
            s.PhotoHistory.Add(new PhotoChange(photo, now, businessPlatformCode));
        }

        // A roster entry may omit what 2.3 said (phone, remark): absent fields keep their value.
        s.CardNo = registration.CardNo;
        s.Name = registration.Name;
        s.StudentCode = registration.StudentCode ?? s.StudentCode;
        s.Mobile = registration.Mobile ?? s.Mobile;
        s.ErcunPhotoUrl = registration.ErcunPhotoUrl ?? s.ErcunPhotoUrl;
        s.Remark = registration.Remark ?? s.Remark;
        s.BusinessPlatformCodes.Add(businessPlatformCode);
        if (registration.LearningPlatformCode is { } learningPlatform)
        {
            s.LearningPlatformCodes.Add(learningPlatform);
        }

        s.UpdatedAt = now;
        await state.WriteStateAsync();
    }

    public async Task<Outcome> Authenticate(string name, string platformCode, DeviceInfo device)
    {
        if (Unreachable(platformCode) is { } refusal)
        {
            return refusal;
        }

        var now = time.GetUtcNow();
        var matches = string.Equals(Normalize(name), Normalize(state.State.Name), StringComparison.Ordinal);
        var outcome = matches
            ? Outcome.Ok
            : Outcome.Fail(ReturnCode.RealNameMismatch, "name: does not match the name registered under this ID number");
        await ledger.CommitAsync(new LedgerWrite(null,
            [new EvidenceEvent(now, "real_name", null, state.State.StudentCode, CardNo, null, null, outcome.Code, 0, null, null, platformCode, device)], []));
        if (matches && state.State.RealNameVerifiedAt is null)
        {
            state.State.RealNameVerifiedAt = now;
            await state.WriteStateAsync();
        }

        return outcome;
    }

    public Task<bool> IsRealNameVerified() => Task.FromResult(state.State.RealNameVerifiedAt is not null);

    public async Task<LiveSession?> BeginLiveSession(LiveSession session)
    {
        var other = state.State.LiveSession is { } live && live.ClassCode != session.ClassCode ? live : null;
        state.State.LiveSession = session;
        state.State.FirstStudiedAt ??= session.StartedAt;
        await state.WriteStateAsync();
        return other;
    }

    public async Task EndLiveSession(Guid sessionId)
    {
        if (state.State.LiveSession?.SessionId == sessionId)
        {
            state.State.LiveSession = null;
            await state.WriteStateAsync();
        }
    }

    public async Task<Outcome> ReplacePhoto(string url, string platformCode, DeviceInfo device)
    {
        if (Unreachable(platformCode) is { } refusal)
        {
            return refusal;
        }

        if (url == state.State.ErcunPhotoUrl)
        {
            return Outcome.Ok;
        }

        var now = time.GetUtcNow();
        var details = JsonSerializer.Serialize(new { previous = state.State.ErcunPhotoUrl, current = url });
        IReadOnlyList<AnomalyRecord> anomalies = state.State.FirstStudiedAt is { } began
            ? [new AnomalyRecord(now, AnomalyKind.PhotoChangedAfterStudy, null, state.State.StudentCode, CardNo, null, null,
                JsonSerializer.Serialize(new { previous = state.State.ErcunPhotoUrl, current = url, studyBeganAt = began }))]
            : [];
        await ledger.CommitAsync(new LedgerWrite(null,
            [new EvidenceEvent(now, "photo_change", null, state.State.StudentCode, CardNo, null, null, ReturnCode.Success, 0, null, null, platformCode, device, details)],
            anomalies));
        state.State.ErcunPhotoUrl = url;
        state.State.PhotoHistory.Add(new PhotoChange(url, now, platformCode));
        state.State.UpdatedAt = now;
        await state.WriteStateAsync();
        return Outcome.Ok;
    }

    public Task<StudentView?> Describe() => Task.FromResult(state.RecordExists
        ? new StudentView(
            CardNo,
            state.State.Name,
            state.State.StudentCode,
            state.State.Mobile,
            state.State.ErcunPhotoUrl,
            state.State.BusinessPlatformCodes.Order(StringComparer.Ordinal).ToList(),
            state.State.RealNameVerifiedAt,
            state.State.PhotoHistory)
        : null);

    /// <summary>A learning platform acts only on the people it teaches; to any other, they do not exist.</summary>
    private Outcome? Unreachable(string platformCode) =>
        state.RecordExists && state.State.LearningPlatformCodes.Contains(platformCode)
            ? null
            : Outcome.Fail(ReturnCode.StudentNotFound, "cardNo: no student taught by this platform is registered under this ID number");

    /// <summary>Names are compared as typed, but ignoring surrounding and inner spaces (姓名 is often keyed with a space).</summary>
    private static string Normalize(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
