namespace Supervision.Grains.Study;

/// <summary>
/// How many seconds of one report count (SPEC rule 3). The wall clock since the session started is the
/// budget: over a session the seconds accepted never exceed the elapsed server time plus
/// <see cref="ToleranceSeconds"/>. Judging the whole session rather than each report means jitter and a
/// late batch cost an honest learner nothing, while a client claiming faster than time passes is capped.
/// Then the resource's duration and what is left of today's limit cap the credit.
/// </summary>
public static class CreditRule
{
    /// <summary>Slack for clock skew and rounding between the player and the server.</summary>
    public const int ToleranceSeconds = 5;

    public static CreditDecision Decide(StudySession session, int progressTime, int playTime, DateTimeOffset now, int resourceCredited, int? todayRemaining)
    {
        var elapsed = (int)Math.Floor((now - session.StartedAt).TotalSeconds);
        var budget = Math.Max(0, elapsed + ToleranceSeconds - session.Clocked);
        var clocked = Math.Min(progressTime, budget);

        var credited = clocked;
        var duration = session.Terms.DurationSeconds;
        if (duration > 0)
        {
            credited = Math.Min(credited, Math.Max(0, duration - resourceCredited));
        }

        if (todayRemaining is { } remaining)
        {
            credited = Math.Min(credited, remaining);
        }

        // Position moving further than the seconds played since the last report is a seek forward.
        var previousPosition = session.LastPlayTime ?? playTime - progressTime;
        var jump = playTime - previousPosition - progressTime;
        return new CreditDecision(elapsed, budget, clocked, credited, progressTime - clocked, jump > ToleranceSeconds ? jump : 0);
    }
}

/// <summary>The numbers behind a report's credit, kept as the anomaly's evidence when something is off.</summary>
public readonly record struct CreditDecision(int Elapsed, int Budget, int Clocked, int Credited, int Excess, int Jump);
