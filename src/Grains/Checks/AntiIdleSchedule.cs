using Supervision.Contracts.Checks;
using Supervision.Contracts.Classes;

namespace Supervision.Grains.Checks;

/// <summary>
/// Where, in seconds of a video's progress, the class's anti-idle checks fall due (SPEC rule 7), computed as
/// the real learning-platform client computes them so that its checks and ours meet: triggerType 0 asks N
/// times at duration × round(i/N, 2), i = 1…N, the last at the very end; 1 asks every N minutes; 2 asks at N,
/// 3N, 6N, 10N … minutes (intervals N, 2N, 3N …). A class that asks for checks without saying when gets one
/// every <see cref="DefaultIntervalMinutes"/> minutes.
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

    /// <summary>The second of progress at which check number <paramref name="index"/> (from 0) falls due; null when no more fall due.</summary>
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
            0 => index < n ? (int)Math.Floor(durationSeconds * Math.Round((index + 1) / (double)n, 2, MidpointRounding.AwayFromZero)) : null,
            1 => (index + 1) * n * 60,
            2 => (index + 1) * (index + 2) / 2 * n * 60,
            _ => null,
        };
    }
}
