using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Grains.Study;

namespace Supervision.Grains.Checks;

/// <summary>
/// How many checks (1.5, 1.7) one learner in one class may be issued within <see cref="StudyOptions.CheckWindow"/>:
/// each is a stored challenge and evidence row, and each face check up to three stored photos, so the count bounds
/// what a platform can make the server keep for one learner. The bounds are twice what the strictest policy (a check
/// every minute) asks of an honest player that asks for each check twice.
/// </summary>
public static class CheckIssueLimit
{
    /// <summary>The refusal of one more check of <paramref name="kind"/> now, or null when it may be issued.</summary>
    public static Outcome? Refusal(IReadOnlyList<IssuedCheck> issued, CheckKind kind, DateTimeOffset now, StudyOptions options)
    {
        var recent = issued.Where(c => now - c.At < options.CheckWindow).ToList();
        var counted = kind == CheckKind.Face ? recent.Where(c => c.Kind == CheckKind.Face).ToList() : recent;
        var limit = kind == CheckKind.Face ? options.FaceChecksPerWindow : options.ChecksPerWindow;
        if (recent.Count < options.ChecksPerWindow && counted.Count < limit)
        {
            return null;
        }

        var full = recent.Count >= options.ChecksPerWindow ? recent : counted;
        var nextAt = full.Min(c => c.At) + options.CheckWindow;
        var what = full == counted && kind == CheckKind.Face ? "face checks" : "checks";
        return Outcome.Fail(ReturnCode.CheckLimitReached,
            $"bizCode: {full.Count} {what} were issued to this student in this class within {options.CheckWindow.TotalMinutes:0} minutes, the most allowed; "
            + $"answer one already issued, or ask again after {nextAt:yyyy-MM-ddTHH:mm:ssZ}");
    }

    /// <summary>Records a check issued now on the draft, forgetting those out of the window.</summary>
    public static void Record(List<IssuedCheck> issued, CheckKind kind, DateTimeOffset now, TimeSpan window)
    {
        issued.RemoveAll(c => now - c.At >= window);
        issued.Add(new IssuedCheck { At = now, Kind = kind });
    }
}
