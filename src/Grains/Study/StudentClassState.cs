using System.Globalization;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Study;
using Supervision.Database;
using Supervision.Grains.Checks;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// One student's study in one class. The rules' state outlives sessions: the clock bank, each video's credit,
/// position and anti-idle schedule, today's credit and the real-name result. Spans of study are recorded on it.
/// </summary>
/// <remarks>
/// Field ids 0, 4 and 5 held the earlier shape's version and sessions and stay unused; ids 1–3 and 6 read that
/// shape's credit per video, day and real-name result as they are. Moments are held as UTC ticks in memory
/// (<see cref="UtcTicks"/>) and stored as <see cref="DateTimeOffset"/>, as they always were.
/// </remarks>
[GenerateSerializer]
public sealed class StudentClassState
{
    private const int ClosedSpansKept = 3;

    [NonSerialized] private long startWindowOpenedAt;
    [NonSerialized] private List<StudySpan>? closed;
    [NonSerialized] private List<string>? rejectedBizCodes;
    [NonSerialized] private List<CodeAnswer>? codeAnswers;
    [NonSerialized] private List<ReviewFlag>? flags;
    [NonSerialized] private List<IssuedCheck>? checksIssued;

    /// <summary>The calendar day (China Standard Time) that <see cref="TodayCredited"/> counts.</summary>
    [Id(2)] public DateOnly Day { get; set; }

    [Id(3)] public int TodayCredited { get; set; }
    [Id(6)] public bool RealNameVerified { get; set; }
    [Id(12)] public ClockBank Bank { get; set; } = new();
    [NonSerialized] private VideoStudies resources = new();

    /// <summary>Each video's study, by resCode.</summary>
    public VideoStudies Resources => resources;

    /// <summary>The span now open (playing or paused), if any.</summary>
    [Id(13)] public StudySpan? Study { get; set; }

    /// <summary>The most recent closed spans, newest first: a report on one of them is a report on a closed session.</summary>
    public IReadOnlyList<StudySpan> Closed => NullWhileEmpty.Read(closed);

    /// <summary>The class's policy and the student's ID number as of the last startStudy.</summary>
    [Id(7)] public ClassPolicy Policy { get; set; } = ClassPolicy.Unsupervised;

    [Id(8)] public string CardNo { get; set; } = "";

    /// <summary>The business platform that owns the class: its record of the person is the one this study sees.</summary>
    [Id(15)] public string BusinessPlatformCode { get; set; } = "";

    /// <summary>When the current window of counted startStudy calls opened: many in one window are an anomaly.</summary>
    [Id(9)] public DateTimeOffset? StartWindowOpenedAt { get => UtcTicks.At(startWindowOpenedAt); set => startWindowOpenedAt = UtcTicks.Of(value); }

    [Id(16)] public int StartsInWindow { get; set; }

    /// <summary>The bizCode of the last pass taken, to know the same pass delivered again.</summary>
    [Id(10)] public string? LastPassBizCode { get; set; }

    /// <summary>The checks a reviewer rejected lately, to take each rejection once however often it is delivered.</summary>
    public IReadOnlyList<string> RejectedBizCodes => NullWhileEmpty.Read(rejectedBizCodes);

    /// <summary>Rapid restarts were recorded in the current window: once per window, not once per start.</summary>
    [Id(11)] public bool RestartsRecorded { get; set; }

    /// <summary>The latest passed pop-up codes with how long each answer took, newest first (<see cref="AnswerTiming.Window"/>).</summary>
    public IReadOnlyList<CodeAnswer> CodeAnswers => NullWhileEmpty.Read(codeAnswers);

    /// <summary>Crowd and bot flags, newest first: those under review, and the latest decided ones.</summary>
    public IReadOnlyList<ReviewFlag> Flags => NullWhileEmpty.Read(flags);

    /// <summary>The checks issued within the last <see cref="StudyOptions.CheckWindow"/>, for <see cref="Checks.CheckIssueLimit"/>.</summary>
    public IReadOnlyList<IssuedCheck> ChecksIssued => NullWhileEmpty.Read(checksIssued);

    // The lists as stored: empty ones held as null (NullWhileEmpty), written as the empty lists they always were.
    [Id(14)] internal List<StudySpan> StoredClosed { get => NullWhileEmpty.Stored(closed); set => closed = NullWhileEmpty.Held(value); }
    [Id(17)] internal List<string> StoredRejectedBizCodes { get => NullWhileEmpty.Stored(rejectedBizCodes); set => rejectedBizCodes = NullWhileEmpty.Held(value); }
    [Id(18)] internal List<CodeAnswer> StoredCodeAnswers { get => NullWhileEmpty.Stored(codeAnswers); set => codeAnswers = NullWhileEmpty.Held(value); }
    [Id(19)] internal List<ReviewFlag> StoredFlags { get => NullWhileEmpty.Stored(flags); set => flags = NullWhileEmpty.Held(value); }
    [Id(1)] internal Dictionary<string, ResourceStudy> StoredResources { get => resources.Stored(); set => resources = VideoStudies.Of(value); }
    [Id(20)] internal List<IssuedCheck> StoredChecksIssued { get => NullWhileEmpty.Stored(checksIssued); set => checksIssued = NullWhileEmpty.Held(value); }

    /// <summary>
    /// Replaces the codes and the policy read from the database by the silo's shared instances (<see cref="SharedValues"/>):
    /// what every learner of the class holds alike is held once.
    /// </summary>
    public void ShareValues()
    {
        Policy = SharedValues.Policies.Of(Policy);
        BusinessPlatformCode = SharedValues.Code(BusinessPlatformCode);
        Study?.ShareCodes();
        closed?.ForEach(span => span.ShareCodes());
        foreach (var resource in Resources.Values)
        {
            resource.ResCode = SharedValues.Code(resource.ResCode);
            resource.CourseCode = SharedValues.Code(resource.CourseCode);
            resource.SectionCode = SharedValues.Code(resource.SectionCode);
        }
    }

    /// <summary>The video's study, started at zero the first time it is studied; its duration and section follow the class.</summary>
    public ResourceStudy ResourceFor(StudyTerms terms, string? reportedSectionCode)
    {
        if (!Resources.TryGetValue(terms.ResCode, out var resource))
        {
            resource = new ResourceStudy { ResCode = SharedValues.Code(terms.ResCode), CourseCode = SharedValues.Code(terms.CourseCode) };
            Resources.Add(resource);
        }

        resource.DurationSeconds = terms.DurationSeconds;
        resource.SectionCode = SharedValues.Code(terms.SectionCode is { Length: > 0 } section ? section : reportedSectionCode ?? resource.SectionCode);
        return resource;
    }

    /// <summary>
    /// A draft for a report on the open span, built from the parts a report changes (<see cref="Apply"/>, the
    /// resume, the real-name result): the span, the bank and the span's video are copied, the array of videos
    /// copied shallowly, and everything else (closed spans, flags, checks, the policy) shared with this state, which
    /// a report leaves as it is.
    /// </summary>
    public StudentClassState DraftForReport()
    {
        var draft = (StudentClassState)MemberwiseClone();
        var span = Study!.Copy();
        draft.Study = span;
        draft.Bank = Bank.Copy();
        draft.resources = resources.With(resources[span.ResCode].CopyForReport());
        return draft;
    }

    /// <summary>Starts a new day's count when <paramref name="now"/> falls on another China day than the last credit.</summary>
    public void RollDay(DateTimeOffset now)
    {
        var today = ChinaTime.DayOf(now);
        if (Day != today)
        {
            Day = today;
            TodayCredited = 0;
        }
    }

    /// <summary>Closes <paramref name="span"/> for good and keeps it among the recent ones.</summary>
    public void Close(StudySpan span, DateTimeOffset at, string reason)
    {
        span.EndedAt = at;
        span.EndReason = reason;
        Study = null;
        NullWhileEmpty.InsertFirst(ref closed, span, ClosedSpansKept);
    }

    /// <summary>Keeps a rejected check's bizCode among the latest <paramref name="kept"/>; false when it was kept already.</summary>
    public bool KeepRejection(string bizCode, int kept)
    {
        if (RejectedBizCodes.Contains(bizCode))
        {
            return false;
        }

        NullWhileEmpty.InsertFirst(ref rejectedBizCodes, bizCode, kept);
        return true;
    }

    /// <summary>Keeps a passed code check's answer among the latest <see cref="AnswerTiming.Window"/>.</summary>
    public void KeepCodeAnswer(CodeAnswer answer) => NullWhileEmpty.InsertFirst(ref codeAnswers, answer, AnswerTiming.Window);

    /// <summary>Forgets the code answers kept: a decided bot flag starts the next judgement afresh.</summary>
    public void ForgetCodeAnswers() => codeAnswers = null;

    /// <summary>Puts a raised flag first, keeping those under review and the latest <paramref name="decidedKept"/> decided ones.</summary>
    public void KeepFlag(ReviewFlag flag, int decidedKept)
    {
        flags ??= [];
        flags.Insert(0, flag);
        var decided = flags.Where(f => !f.UnderReview).Skip(decidedKept).ToList();
        flags.RemoveAll(decided.Contains);
    }

    /// <summary>Records a check issued now (<see cref="CheckIssueLimit.Record"/>).</summary>
    public void RecordCheckIssued(CheckKind kind, DateTimeOffset now, TimeSpan window) => CheckIssueLimit.Record(checksIssued ??= [], kind, now, window);

    /// <summary>Counts a startStudy in windows of <paramref name="window"/> from the first start of each; answers the count so far.</summary>
    public int CountStart(DateTimeOffset now, TimeSpan window)
    {
        if (StartWindowOpenedAt is not { } opened || now - opened >= window)
        {
            StartWindowOpenedAt = now;
            StartsInWindow = 0;
            RestartsRecorded = false;
        }

        return ++StartsInWindow;
    }

    /// <summary>
    /// What a report on the open span changes: the one way a report changes the state, when it is made and when its
    /// row is replayed on activation, so that a row restores exactly what its report did.
    /// </summary>
    /// <remarks>
    /// <paramref name="clientTimestamp"/> is the report's own text when there is one, kept rather than the row's number
    /// written out again; replay has only the number, whose text is the same (<see cref="ReportRow.TryCompactTimestamp"/>).
    /// </remarks>
    public void Apply(ReportRow row, int bankCapSeconds, string? clientTimestamp = null)
    {
        var span = Study!;
        var resource = Resources[span.ResCode];
        var schedule = resource.Schedule;
        RollDay(row.At);
        Bank.Accrue(row.At, bankCapSeconds);
        Bank.Balance = row.Bank;
        resource.Position = row.PlayTime;
        span.LastPlayTime = row.PlayTime;
        span.LastReportAt = row.At;
        schedule.OverdueRecorded |= row.Flags.HasFlag(ReportFlags.OverdueRecorded);
        if (!row.Succeeded)
        {
            return;
        }

        resource.Played += row.Accepted;
        resource.Credited += row.Credited;
        resource.Passes.Earned(row.Credited);
        if (row.Flags.HasFlag(ReportFlags.CheckFellDue))
        {
            schedule.DueSince = row.At;
        }

        schedule.CreditedPastDue += row.PastDue;
        span.Credited += row.Credited;
        span.Reports++;
        span.LastProgressTime = row.ProgressTime;
        span.LastClientTimestamp = clientTimestamp ?? row.ClientTimestamp?.ToString(CultureInfo.InvariantCulture);
        span.LastReportJumped = row.Flags.HasFlag(ReportFlags.Jumped);
        TodayCredited += row.Credited;
        span.LastReceipt = Receipt(resource, row.Credited);
    }

    public IReadOnlyList<ResourceCredit> CreditByResource() =>
        Resources.Select(r => new ResourceCredit(r.Value.CourseCode, r.Value.SectionCode, r.Key, r.Value.Credited)).ToList();

    private StudyReceipt Receipt(ResourceStudy resource, int credited)
    {
        var limit = StudyGates.DailyLimitSeconds(Policy);
        var due = !resource.Complete && resource.Schedule.DueSince is { } since
            ? new CheckDue(AntiIdleSchedule.Kind(Policy)!.Value, since, since + AntiIdleSchedule.Validity(Policy))
            : null;
        return new StudyReceipt(credited, TodayCredited, limit > 0 ? limit - TodayCredited : null, resource.Credited, resource.DurationSeconds, due);
    }
}
