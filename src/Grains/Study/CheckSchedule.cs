using Supervision.Contracts.Classes;
using Supervision.Grains.Checks;

namespace Supervision.Grains.Study;

/// <summary>
/// The anti-idle schedule of one student on one video (SPEC rule 7). It belongs to the student in the class, not
/// to a session: a pause, a resume or a new startStudy never clears, postpones or resets it. Points are measured
/// in the video's progress (<see cref="ResourceStudy.Reached"/>).
/// </summary>
[GenerateSerializer]
public sealed class CheckSchedule
{
    /// <summary>A pass also clears a point this close ahead: the player asks for its check when it reaches the point, a report may round below it.</summary>
    public const int PassLeadSeconds = 10;

    [NonSerialized] private long dueSince;

    /// <summary>How many points of the schedule have been cleared.</summary>
    [Id(0)] public int Cleared { get; set; }

    /// <summary>When the pending check fell due; null while none is due.</summary>
    [Id(1)] public DateTimeOffset? DueSince { get => UtcTicks.At(dueSince); set => dueSince = UtcTicks.Of(value); }

    /// <summary>Seconds credited past the due check's point: never more than the check's validity.</summary>
    [Id(2)] public int CreditedPastDue { get; set; }

    [Id(3)] public bool OverdueRecorded { get; set; }

    public CheckSchedule Copy() => (CheckSchedule)MemberwiseClone();

    public int? NextPoint(ClassPolicy policy, int durationSeconds) => AntiIdleSchedule.DueAt(policy, durationSeconds, Cleared);

    public bool IsOverdue(DateTimeOffset now, TimeSpan validity) => DueSince is { } since && now > since + validity;

    /// <summary>Marks the next check due once the video's progress has reached its point.</summary>
    public void Observe(int reached, DateTimeOffset now, ClassPolicy policy, int durationSeconds)
    {
        if (DueSince is null && NextPoint(policy, durationSeconds) is { } point && reached >= point)
        {
            DueSince = now;
        }
    }

    /// <summary>A passed check clears every point reached by <paramref name="reached"/>, and the due check with them; later points stay.</summary>
    public void Pass(int reached, ClassPolicy policy, int durationSeconds)
    {
        while (NextPoint(policy, durationSeconds) is { } point && point <= reached + PassLeadSeconds)
        {
            Cleared++;
        }

        DueSince = null;
        CreditedPastDue = 0;
        OverdueRecorded = false;
    }
}
