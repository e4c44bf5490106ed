using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>
/// One span of study of one video: from a startStudy to a start on another video, or to the person's study moving
/// to another class. endStudy pauses it and the next report resumes it. The rules live on the student-class state
/// (the bank, the schedule); a span is what the evidence, the console and retries need.
/// </summary>
/// <remarks>
/// Its moments are held as UTC ticks (<see cref="UtcTicks"/>) and stored as they always were: a span is a few
/// hundred bytes a learner, the most of the state's, and kept three times more among the closed ones.
/// </remarks>
[GenerateSerializer]
public sealed class StudySpan
{
    [NonSerialized] private long startedAt;
    [NonSerialized] private long lastStartAt;
    [NonSerialized] private long pausedAt;
    [NonSerialized] private long lastReportAt;
    [NonSerialized] private long endedAt;
    [NonSerialized] private long resumedAt;

    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string PlatformCode { get; set; } = "";
    [Id(2)] public string ResCode { get; set; } = "";
    [Id(3)] public string CourseCode { get; set; } = "";
    [Id(4)] public DateTimeOffset StartedAt { get => UtcTicks.Always(startedAt); set => startedAt = value.UtcTicks; }

    /// <summary>When the last startStudy of this span came: each one asks for a face at start (rule 6) again.</summary>
    [Id(5)] public DateTimeOffset LastStartAt { get => UtcTicks.Always(lastStartAt); set => lastStartAt = value.UtcTicks; }

    [Id(6)] public DateTimeOffset? PausedAt { get => UtcTicks.At(pausedAt); set => pausedAt = UtcTicks.Of(value); }
    [Id(7)] public int Credited { get; set; }
    [Id(8)] public int Reports { get; set; }

    /// <summary>The position of the last report since the last startStudy; null right after one (its first report resumes at a saved position).</summary>
    [Id(9)] public int? LastPlayTime { get; set; }

    [Id(10)] public int? LastProgressTime { get; set; }
    [Id(11)] public string? LastClientTimestamp { get; set; }
    [Id(12)] public StudyReceipt? LastReceipt { get; set; }
    [Id(13)] public DateTimeOffset? LastReportAt { get => UtcTicks.At(lastReportAt); set => lastReportAt = UtcTicks.Of(value); }
    [Id(14)] public bool LastReportJumped { get; set; }
    [Id(15)] public bool HasRecording { get; set; }
    [Id(16)] public bool AwaitingStartFace { get; set; }
    [Id(17)] public DateTimeOffset? EndedAt { get => UtcTicks.At(endedAt); set => endedAt = UtcTicks.Of(value); }
    [Id(18)] public string? EndReason { get; set; }
    [Id(19)] public DateTimeOffset? ResumedAt { get => UtcTicks.At(resumedAt); set => resumedAt = UtcTicks.Of(value); }

    /// <summary>The <see cref="DeviceFingerprint"/> of the device the span's reports came from so far: its headers are on the session_start row.</summary>
    [Id(20)] public int Device { get; set; }

    public bool Paused => pausedAt != 0;

    /// <summary>Its codes as the silo's shared instances (<see cref="SharedValues"/>), for a span read from the database.</summary>
    public void ShareCodes()
    {
        PlatformCode = SharedValues.Code(PlatformCode);
        ResCode = SharedValues.Code(ResCode);
        CourseCode = SharedValues.Code(CourseCode);
        EndReason = SharedValues.Code(EndReason);
    }

    /// <summary>A copy to draft on: every field is a value or an immutable object.</summary>
    public StudySpan Copy() => (StudySpan)MemberwiseClone();

    /// <summary>The last moment the player was heard from while playing.</summary>
    public DateTimeOffset LastActiveAt => UtcTicks.Always(Math.Max(lastStartAt, Math.Max(lastReportAt, resumedAt)));

    /// <summary>Seconds the player has been playing since its last report, as far as the server can know at <paramref name="now"/>.</summary>
    public int PlayingSinceLastReport(DateTimeOffset now)
    {
        var until = PausedAt is { } paused && paused < now ? paused : now;
        return Math.Max(0, (int)(until - LastActiveAt).TotalSeconds);
    }

    public SessionView View() => new(Id, ResCode, StartedAt, EndedAt, EndReason, Credited, Reports) { PausedAt = PausedAt };
}
