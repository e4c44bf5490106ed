using Supervision.Contracts.Classes;

namespace Supervision.Grains.Classes;

/// <summary>How classes and people arriving through 2.3 and 2.4 are treated (configuration section "Supervision:Intake").</summary>
public sealed class IntakeOptions
{
    public const string Section = "Supervision:Intake";

    /// <summary>
    /// Approve a class as soon as it arrives, under its own policy or <see cref="DefaultPolicy"/>. Off unless the
    /// operator turns it on: a class the audited party sends waits for the operator.
    /// </summary>
    public bool AutoApprove { get; set; }

    /// <summary>
    /// The policy of a class whose 2.4 request carried none, as a whole: a field the configuration leaves out is off.
    /// Unconfigured, <see cref="ClassPolicy.Supervising"/>.
    /// </summary>
    public ClassPolicy? DefaultPolicy { get; set; }

    public ClassPolicy PolicyOfUnstatedClass => DefaultPolicy ?? ClassPolicy.Supervising();

    /// <summary>
    /// People in one 2.3 array or one 2.4 roster; a larger request is refused whole (1003). A maximal 2.3 costs the
    /// silo about a quarter of a second and 11 MB (docs/benchmarks.md); a class larger than this is sent in several pushes.
    /// The fronts parse at most 10,000 entries of a 2.3 and 20,000 of a roster whatever this says.
    /// </summary>
    public int MaxPeoplePerRequest { get; set; } = 1_000;

    /// <summary>
    /// People one business platform may register a minute, 2.3 and 2.4 together, counted across the cluster; past it,
    /// 1107 (HTTP 429). Also the burst it may send at once, so it is at least <see cref="MaxPeoplePerRequest"/>.
    /// </summary>
    public int PeoplePerMinutePerPlatform { get; set; } = 2_000;

    /// <summary>People one business platform may hold in all (2.3 and 2.4 together); past it, 1311 and nothing is stored.</summary>
    public int PeoplePerBusinessPlatform { get; set; } = 1_000_000;

    /// <summary>Teachers one business platform may hold (2.1); past it, 1311 and nothing is stored.</summary>
    public int TeachersPerBusinessPlatform { get; set; } = 100_000;

    /// <summary>
    /// Courses one platform may hold: a learning platform's own (1.13 pushes and 1.14 pulls) and a business platform's
    /// 2.2 submissions, each counted against the platform that sent them; past it, 1311 and nothing is stored.
    /// </summary>
    public int CoursesPerPlatform { get; set; } = 100_000;

    public bool IsValid => MaxPeoplePerRequest >= 1 && PeoplePerMinutePerPlatform >= MaxPeoplePerRequest
        && PeoplePerBusinessPlatform >= MaxPeoplePerRequest && TeachersPerBusinessPlatform >= 1 && CoursesPerPlatform >= 1;
}
