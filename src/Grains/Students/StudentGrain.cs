using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Students;

/// <summary>
/// One person. Its state is a <see cref="LedgeredState{T}"/>: a name check or a photo change is committed with
/// its evidence in one transaction, so a verified name or a new photo never stands without the row that
/// records it, nor the row without the change.
/// </summary>
public sealed class StudentGrain(
    LedgeredStates ledgeredStates,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentGrain
{
    private const string StateKind = "student";
    private LedgeredState<StudentState> state = null!;

    private StudentState Current => state.Current;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = ledgeredStates.For<StudentState>(StateKind, this.GetPrimaryKeyString());
        return state.LoadAsync();
    }

    public async Task Register(StudentRegistration registration, string businessPlatformCode)
    {
        var s = Current;
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

        var change = state.Change(time.GetUtcNow());
        var draft = change.Draft;
        if (registration.ErcunPhotoUrl is { } photo && photo != draft.ErcunPhotoUrl)
        {
            draft.PhotoHistory.Add(new PhotoChange(photo, change.Now, businessPlatformCode));
        }

        // A roster entry may omit what 2.3 said (phone, remark): absent fields keep their value.
        draft.CardNo = registration.CardNo;
        draft.Name = registration.Name;
        draft.StudentCode = registration.StudentCode ?? draft.StudentCode;
        draft.Mobile = registration.Mobile ?? draft.Mobile;
        draft.ErcunPhotoUrl = registration.ErcunPhotoUrl ?? draft.ErcunPhotoUrl;
        draft.Remark = registration.Remark ?? draft.Remark;
        draft.BusinessPlatformCodes.Add(businessPlatformCode);
        if (registration.LearningPlatformCode is { } learningPlatform)
        {
            draft.LearningPlatformCodes.Add(learningPlatform);
        }

        draft.UpdatedAt = change.Now;
        await state.CommitAsync(change);
    }

    public async Task<Outcome> Authenticate(string name, string platformCode, DeviceInfo device)
    {
        if (Unreachable(platformCode) is { } refusal)
        {
            return refusal;
        }

        var change = state.Change(time.GetUtcNow());
        var matches = string.Equals(Normalize(name), Normalize(Current.Name), StringComparison.Ordinal);
        var outcome = matches
            ? Outcome.Ok
            : Outcome.Fail(ReturnCode.RealNameMismatch, "name: does not match the name registered under this ID number");
        change.Events.Add(new EvidenceEvent(change.Now, EvidenceKind.RealName, null, Current.StudentCode, Current.CardNo, null, null, outcome.Code, 0, null, null, platformCode, device));
        if (matches)
        {
            change.Draft.RealNameVerifiedAt ??= change.Now;
        }

        await state.CommitAsync(change);
        return outcome;
    }

    public Task<bool> IsRealNameVerified() => Task.FromResult(Current.RealNameVerifiedAt is not null);

    public async Task<LiveSession?> BeginLiveSession(LiveSession session)
    {
        var other = Current.LiveSession is { } live && live.ClassCode != session.ClassCode ? live : null;
        var change = state.Change(time.GetUtcNow());
        change.Draft.LiveSession = session;
        change.Draft.FirstStudiedAt ??= session.StartedAt;
        await state.CommitAsync(change);
        return other;
    }

    public async Task EndLiveSession(Guid sessionId)
    {
        if (Current.LiveSession?.SessionId == sessionId)
        {
            var change = state.Change(time.GetUtcNow());
            change.Draft.LiveSession = null;
            await state.CommitAsync(change);
        }
    }

    public async Task<Outcome> ReplacePhoto(string url, string platformCode, DeviceInfo device)
    {
        if (Unreachable(platformCode) is { } refusal)
        {
            return refusal;
        }

        if (url == Current.ErcunPhotoUrl)
        {
            return Outcome.Ok;
        }

        var change = state.Change(time.GetUtcNow());
        var details = JsonSerializer.Serialize(new { previous = Current.ErcunPhotoUrl, current = url });
        change.Events.Add(new EvidenceEvent(change.Now, EvidenceKind.PhotoChange, null, Current.StudentCode, Current.CardNo, null, null, ReturnCode.Success, 0, null, null,
            platformCode, device, details));
        if (Current.FirstStudiedAt is { } began)
        {
            change.Anomalies.Add(new AnomalyRecord(change.Now, AnomalyKind.PhotoChangedAfterStudy, null, Current.StudentCode, Current.CardNo, null, null,
                JsonSerializer.Serialize(new { previous = Current.ErcunPhotoUrl, current = url, studyBeganAt = began })));
        }

        change.Draft.ErcunPhotoUrl = url;
        change.Draft.PhotoHistory.Add(new PhotoChange(url, change.Now, platformCode));
        change.Draft.UpdatedAt = change.Now;
        await state.CommitAsync(change);
        return Outcome.Ok;
    }

    public Task<StudentView?> Describe() => Task.FromResult(state.RecordExists
        ? new StudentView(
            Current.CardNo,
            Current.Name,
            Current.StudentCode,
            Current.Mobile,
            Current.ErcunPhotoUrl,
            Current.BusinessPlatformCodes.Order(StringComparer.Ordinal).ToList(),
            Current.RealNameVerifiedAt,
            Current.PhotoHistory)
        : null);

    /// <summary>A learning platform acts only on the people it teaches; to any other, they do not exist.</summary>
    private Outcome? Unreachable(string platformCode) =>
        state.RecordExists && Current.LearningPlatformCodes.Contains(platformCode)
            ? null
            : Outcome.Fail(ReturnCode.StudentNotFound, "cardNo: no student taught by this platform is registered under this ID number");

    /// <summary>Names are compared as typed, but ignoring surrounding and inner spaces (姓名 is often keyed with a space).</summary>
    private static string Normalize(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
