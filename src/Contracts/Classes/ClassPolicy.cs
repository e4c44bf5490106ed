namespace Supervision.Contracts.Classes;

/// <summary>
/// A class's supervision policy, with the meanings of the 1.12 fields.
/// <see cref="FaceTimeLimit"/> is the validity in minutes of a check (SPEC rule 8); 0 means unset.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClassPolicy
{
    [Id(0)] public bool RealNameAuthentication { get; init; }

    /// <summary>Hours of credit per student per calendar day (UTC+8); 0 = no limit.</summary>
    [Id(1)] public int StudyHourLimit { get; init; }

    [Id(2)] public int FaceTimeLimit { get; init; }

    /// <summary>0 none, 1 pop-up code, 2 face.</summary>
    [Id(3)] public int VideoOnHook { get; init; }

    /// <summary>0 fixed count, 1 fixed time, 2 increasing; null when the class did not say.</summary>
    [Id(4)] public int? TriggerType { get; init; }

    [Id(5)] public int? TriggerValue { get; init; }

    [Id(6)] public bool VideoStartFace { get; init; }

    [Id(7)] public bool VideoPlayRecord { get; init; }

    public static readonly ClassPolicy Unsupervised = new();

    /// <summary>
    /// What a class supervises when it names no policy, unless the operator configures otherwise: the figures from
    /// practice (SPEC) — real name checked, 8 hours a day, a face check at each start and one an hour of play
    /// (8 at the daily cap), each valid 5 minutes.
    /// </summary>
    public static ClassPolicy Supervising() => new()
    {
        RealNameAuthentication = true,
        StudyHourLimit = 8,
        FaceTimeLimit = 5,
        VideoOnHook = 2,
        TriggerType = 1,
        TriggerValue = 60,
        VideoStartFace = true,
    };
}
