using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;

namespace Supervision.Grains.Checks;

/// <summary>
/// When, in seconds of play within a session, the class's anti-idle checks fall due (SPEC rule 7):
/// triggerType 0 spreads N checks evenly over the video; 1 asks every N minutes; 2 asks at N, 3N, 6N, 10N …
/// minutes (intervals N, 2N, 3N …, as real learning-platform clients compute it). A class that asks for
/// checks without saying when gets one every <see cref="DefaultIntervalMinutes"/> minutes.
/// </summary>
public static class AntiIdleSchedule
{
    public const int DefaultIntervalMinutes = 10;

    /// <summary>The check a class asks for during play, if any.</summary>
    public static CheckKind? Kind(ClassPolicy policy) => policy.VideoOnHook switch
    {
        1 => CheckKind.Code,
        2 => CheckKind.Face,
        _ => null,
    };

    /// <summary>How long a due check, or a bizCode, stays valid: the class's faceTimeLimit, else 5 minutes (SPEC rule 8).</summary>
    public static TimeSpan Validity(ClassPolicy policy) => TimeSpan.FromMinutes(policy.FaceTimeLimit > 0 ? policy.FaceTimeLimit : 5);

    /// <summary>The play second at which check number <paramref name="index"/> (from 0) falls due; null when no more fall due.</summary>
    public static int? DueAt(ClassPolicy policy, int durationSeconds, int index)
    {
        if (Kind(policy) is null)
        {
            return null;
        }

        if (policy.TriggerType is not { } type || policy.TriggerValue is not { } n || n <= 0)
        {
            return (index + 1) * DefaultIntervalMinutes * 60;
        }

        return type switch
        {
            0 when durationSeconds <= 0 => (index + 1) * DefaultIntervalMinutes * 60,
            0 => index < n ? (int)((long)durationSeconds * (index + 1) / (n + 1)) : null,
            1 => (index + 1) * n * 60,
            2 => (index + 1) * (index + 2) / 2 * n * 60,
            _ => null,
        };
    }
}
