namespace Supervision.DemoPopulation;

/// <summary>
/// One person in one class, as their learning platform's player sees them: where they are in the course, when they last
/// reported, which of their webcam captures they have used. <see cref="Pattern"/> says how they cheat, if at all.
/// </summary>
public sealed class DemoLearner(DemoPerson person, DemoClass @class, string studentUserCode, string deviceId, CheatPattern pattern)
{
    public DemoPerson Person { get; } = person;

    public DemoClass Class { get; } = @class;

    public string StudentUserCode { get; } = studentUserCode;

    /// <summary>The learner's own PC (a UUID, as the PC player sends): people on their own machines are never a crowd.</summary>
    public string DeviceId { get; } = deviceId;

    public CheatPattern Pattern { get; } = pattern;

    /// <summary>The same person's enrolment in another class, for the patterns that need one.</summary>
    public DemoLearner? OtherEnrolment { get; set; }

    public int VideoIndex { get; set; }

    public CourseVideo Video => Class.Course.Videos[VideoIndex];

    /// <summary>playTime: the position in the current video, in seconds.</summary>
    public int Position { get; set; }

    public DateTimeOffset LastReportAt { get; set; }

    /// <summary>Time played but not yet reported: progressTime is whole seconds.</summary>
    public double CarriedMilliseconds { get; set; }

    /// <summary>Webcam captures (1 to 10) already sent: a capture sent twice is a replay, so each is sent once.</summary>
    public HashSet<int> UsedCaptures { get; } = [];

    /// <summary>Done for the day: the course is finished or the captures are used up.</summary>
    public bool Finished { get; set; }

    /// <summary>The seconds the learner's reports claimed (progressTime), all of them.</summary>
    public long ReportedSeconds { get; set; }

    public long CreditedSeconds { get; set; }

    public int ChecksPassed { get; set; }
}
