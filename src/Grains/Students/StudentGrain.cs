using Microsoft.Extensions.DependencyInjection;
using Supervision.Contracts;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Students;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;
using Supervision.Grains.Platforms;

namespace Supervision.Grains.Students;

/// <summary>
/// One person, by ID number. Each business platform's registration is a record of its own (SPEC rule 13); a
/// learning platform acts only on the records of the classes it teaches. Its state is a
/// <see cref="LedgeredState{T}"/>: a name check or a photo change is committed with its evidence in one
/// transaction, so a verified name or a new photo never stands without the row that records it, nor the row
/// without the change.
/// </summary>
/// <remarks>
/// A person is needed when a study starts or a roster arrives, not while the study goes on: after a registration
/// or a start the grain leaves memory, so a silo holds one grain per active learner rather than two. Any other call
/// (a 1.2 check, a report asking for the real-name result until the student-class holds it, a start refused) leaves
/// it idle for minutes at most, not the silo's default age, before it is collected.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class StudentGrain(
    LedgeredStates ledgeredStates,
    PlatformHoldings holdings,
    SwapPhotoCapture swapPhotos,
    ForgetfulDirectoryCache directoryCache,
    [FromKeyedServices(ClockKey.Name)] TimeProvider time) : Grain, IStudentGrain
{
    private const string StateKind = "student";
    private LedgeredState<StudentState> state = null!;

    private StudentState Current => state.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = ledgeredStates.For<StudentState>(StateKind, this.GetPrimaryKeyString());
        await state.LoadAsync();
        Current.FoldEarlierShape();
        Current.CardNo = ResidentIdNumber.Normalize(Current.CardNo);
    }

    /// <summary>The grain leaves memory after each start: its address must not stay cached for minutes after it.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        directoryCache.Forget(GrainContext.Address);
        return Task.CompletedTask;
    }

    public async Task Register(StudentRegistration registration, string businessPlatformCode)
    {
        DeactivateOnIdle();
        var known = Current.Records.GetValueOrDefault(businessPlatformCode);
        if (known is not null && Unchanged(known, registration))
        {
            return;
        }

        var change = state.Change(time.GetUtcNow());
        var draft = change.Draft;
        draft.CardNo = registration.CardNo;
        if (!draft.Records.TryGetValue(businessPlatformCode, out var record))
        {
            record = new PersonRecord();
            draft.Records[businessPlatformCode] = record;
        }

        if (registration.ErcunPhotoUrl is { } photo && photo != record.ErcunPhotoUrl)
        {
            await ChangePhotoAsync(change, record, photo, businessPlatformCode, DeviceInfo.Unknown);
        }

        // A roster entry may omit what 2.3 said (phone, remark): absent fields keep their value.
        record.Name = registration.Name;
        record.StudentCode = registration.StudentCode ?? record.StudentCode;
        record.Mobile = registration.Mobile ?? record.Mobile;
        record.Remark = registration.Remark ?? record.Remark;
        if (registration.LearningPlatformCode is { } learningPlatform)
        {
            record.LearningPlatformCodes.Add(learningPlatform);
        }

        record.UpdatedAt = change.Now;
        change.Rows.Add(holdings.Row(HoldingKind.Person, businessPlatformCode, this.GetPrimaryKeyString()));
        await state.CommitAsync(change);
    }

    public async Task<Outcome> Authenticate(string name, string platformCode, DeviceInfo device)
    {
        var taught = Current.TaughtBy(platformCode).ToList();
        if (taught.Count == 0)
        {
            return NotTaught();
        }

        var change = state.Change(time.GetUtcNow());
        var matching = change.Draft.TaughtBy(platformCode).Where(r => Normalize(r.Name) == Normalize(name)).ToList();
        var outcome = matching.Count > 0
            ? Outcome.Ok
            : Outcome.Fail(ReturnCode.RealNameMismatch, "name: does not match the name registered under this ID number");
        change.Events.Add(EvidenceEvent.RealNameChecked(change.Now) with
        {
            StudentUserCode = taught[0].StudentCode, CardNo = Current.CardNo, Outcome = outcome.Code, PlatformCode = platformCode, Device = device,
        });
        foreach (var record in matching)
        {
            record.RealNameVerifiedAt ??= change.Now;
        }

        await state.CommitAsync(change);
        return outcome;
    }

    public Task<bool> IsRealNameVerified(string businessPlatformCode) =>
        Task.FromResult(Current.Records.GetValueOrDefault(businessPlatformCode)?.RealNameVerifiedAt is not null);

    public Task<LiveSession?> CurrentLiveSession() => Task.FromResult(Current.LiveSession);

    public async Task<LiveSession?> BeginLiveSession(LiveSession session)
    {
        DeactivateOnIdle();
        var other = Current.LiveSession is { } live && live.ClassCode != session.ClassCode ? live : null;
        var change = state.Change(time.GetUtcNow());
        change.Draft.LiveSession = session;
        change.Draft.FirstStudiedAt ??= session.StartedAt;
        await state.CommitAsync(change);
        return other;
    }

    public async Task<Outcome> ReplacePhoto(string url, string platformCode, DeviceInfo device)
    {
        if (!Current.TaughtBy(platformCode).Any())
        {
            return NotTaught();
        }

        if (Current.TaughtBy(platformCode).All(r => r.ErcunPhotoUrl == url))
        {
            return Outcome.Ok;
        }

        var change = state.Change(time.GetUtcNow());
        foreach (var (owner, record) in change.Draft.Records.Where(r => r.Value.LearningPlatformCodes.Contains(platformCode) && r.Value.ErcunPhotoUrl != url))
        {
            await ChangePhotoAsync(change, record, url, owner, device, platformCode);
            record.UpdatedAt = change.Now;
        }

        await state.CommitAsync(change);
        return Outcome.Ok;
    }

    public Task<PersonRecordView?> RecordOf(string businessPlatformCode) =>
        Task.FromResult(Current.Records.GetValueOrDefault(businessPlatformCode)?.View(businessPlatformCode));

    public Task<StudentView?> Describe()
    {
        if (Current.Records.Count == 0)
        {
            return Task.FromResult<StudentView?>(null);
        }

        var records = Current.Records.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.View(r.Key)).ToList();
        var latest = records.MaxBy(r => r.UpdatedAt)!;
        return Task.FromResult<StudentView?>(new StudentView(
            Current.CardNo, latest.Name, latest.StudentCode, latest.Mobile, latest.ErcunPhotoUrl,
            records.Select(r => r.BusinessPlatformCode).ToList(), latest.RealNameVerifiedAt, latest.PhotoHistory, records));
    }

    private static bool Unchanged(PersonRecord record, StudentRegistration registration) =>
        record.Name == registration.Name
        && record.StudentCode == (registration.StudentCode ?? record.StudentCode)
        && record.Mobile == (registration.Mobile ?? record.Mobile)
        && record.ErcunPhotoUrl == (registration.ErcunPhotoUrl ?? record.ErcunPhotoUrl)
        && record.Remark == (registration.Remark ?? record.Remark)
        && (registration.LearningPlatformCode is null || record.LearningPlatformCodes.Contains(registration.LearningPlatformCode));

    /// <summary>
    /// A new two-inch photo on one record, kept in its history with its evidence. Swapping the photo once the
    /// person has begun studying is a classic cheat, whichever endpoint (1.11, 2.3, 2.4) carries it: its anomaly keeps
    /// both photos' bytes (digests in the anomaly, bytes in reference_photos) in the same commit.
    /// </summary>
    private async Task ChangePhotoAsync(StateChange<StudentState> change, PersonRecord record, string url, string businessPlatformCode, DeviceInfo device, string? platformCode = null)
    {
        var by = platformCode ?? businessPlatformCode;
        var previous = record.ErcunPhotoUrl;
        change.Events.Add(EvidenceEvent.Of(change.Now, new PhotoChangeEvidence(previous, url, businessPlatformCode)) with
        {
            StudentUserCode = record.StudentCode, CardNo = Current.CardNo, PlatformCode = by, Device = device,
        });
        // A learning platform setting a first photo once study began is a swap too; a roster bringing one to a record that had none is not.
        if ((previous is not null || platformCode is not null) && Current.FirstStudiedAt is { } began)
        {
            var before = previous is null ? null : swapPhotos.TakeAsync(previous, change.Now);
            var after = await swapPhotos.TakeAsync(url, change.Now);
            (SwapPhoto Photo, LedgerRows? Row)? kept = before is null ? null : await before;
            change.Rows.AddRange(new[] { kept?.Row, after.Row }.OfType<LedgerRows>());
            var swap = new PhotoChangedAfterStudy(previous, url, businessPlatformCode, by, began, kept?.Photo, after.Photo);
            change.Anomalies.Add(AnomalyRecord.Of(change.Now, swap) with
            {
                StudentUserCode = record.StudentCode, CardNo = Current.CardNo,
            });
        }

        record.ErcunPhotoUrl = url;
        record.PhotoHistory.Add(new PhotoChange(url, change.Now, by));
    }

    private static Outcome NotTaught() =>
        Outcome.Fail(ReturnCode.StudentNotFound, "cardNo: no student taught by this platform is registered under this ID number");

    /// <summary>Names are compared as typed, but ignoring surrounding and inner spaces (姓名 is often keyed with a space).</summary>
    private static string Normalize(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}
