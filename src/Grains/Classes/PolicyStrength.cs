using Supervision.Contracts.Classes;
using Supervision.Grains.Checks;

namespace Supervision.Grains.Classes;

/// <summary>
/// Whether a policy a business platform proposes supervises less than the one in force (SPEC rule 13: approval
/// fixes the policy). A proposal weaker in any field waits for the operator; one at least as strong in every field
/// may apply at once. Where two settings cannot be ranked (one check schedule against another of a different
/// kind), the proposal counts as weaker: only the operator can judge it.
/// </summary>
public static class PolicyStrength
{
    /// <summary>The 1.12 fields in which <paramref name="proposed"/> supervises less than <paramref name="current"/>; empty when none.</summary>
    public static IReadOnlyList<string> Weakenings(ClassPolicy proposed, ClassPolicy current)
    {
        var weaker = new List<string>();
        if (current.RealNameAuthentication && !proposed.RealNameAuthentication)
        {
            weaker.Add("realNameAuthentication");
        }

        if (current.StudyHourLimit > 0 && (proposed.StudyHourLimit == 0 || proposed.StudyHourLimit > current.StudyHourLimit))
        {
            weaker.Add("studyHourLimit");
        }

        if (AntiIdleSchedule.Validity(proposed) > AntiIdleSchedule.Validity(current))
        {
            weaker.Add("faceTimeLimit");
        }

        if (CheckRank(proposed.VideoOnHook) < CheckRank(current.VideoOnHook))
        {
            weaker.Add("videoOnHook");
        }
        else if (current.VideoOnHook != 0 && proposed.VideoOnHook != 0 && ChecksLessOften(Schedule(proposed), Schedule(current)))
        {
            weaker.Add("videoOnHookDetail");
        }

        if (current.VideoStartFace && !proposed.VideoStartFace)
        {
            weaker.Add("videoStartFace");
        }

        if (current.VideoPlayRecord && !proposed.VideoPlayRecord)
        {
            weaker.Add("videoPlayRecord");
        }

        return weaker;
    }

    /// <summary>No check, then a pop-up code, then a face check: a code proves someone is there, a face who.</summary>
    private static int CheckRank(int videoOnHook) => videoOnHook switch
    {
        1 => 1,
        2 => 2,
        _ => 0,
    };

    /// <summary>The schedule a class's checks follow, with the default a class gets when it names none.</summary>
    private static (int Type, int Value) Schedule(ClassPolicy policy) =>
        policy.TriggerType is { } type && policy.TriggerValue is > 0 and var value ? (type, value) : (1, AntiIdleSchedule.DefaultIntervalMinutes);

    /// <summary>
    /// Fewer checks a video (type 0), or longer intervals (types 1 and 2). Increasing intervals (2) outgrow any fixed
    /// one in a long video, so they never rank as strong as a fixed interval (1); a fixed interval no longer than the
    /// first increasing one checks at least as often throughout.
    /// </summary>
    private static bool ChecksLessOften((int Type, int Value) proposed, (int Type, int Value) current) => (proposed.Type, current.Type) switch
    {
        (0, 0) => proposed.Value < current.Value,
        (1, 1) or (2, 2) or (1, 2) => proposed.Value > current.Value,
        _ => true,
    };
}
