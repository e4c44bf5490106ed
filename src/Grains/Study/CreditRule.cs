namespace Supervision.Grains.Study;

/// <summary>
/// How many seconds of one report count, in the order the rules apply them. The clock bank (rule 3) accepts what
/// wall time allows. Past a due check's point, at most the check's validity counts in all (rule 7), however the
/// seconds arrive. Then the video's duration and what is left of today's limit cap the credit. Pure: the grain
/// applies the decision.
/// </summary>
public static class CreditRule
{
    public static CreditDecision Decide(CreditInput input)
    {
        var accepted = Math.Clamp(input.Claimed, 0, input.BankAvailable);
        var (allowedPastDue, overflow, fallsDue) = PastDue(input, accepted);
        var counted = accepted - overflow;

        var credited = counted;
        if (input.DurationSeconds > 0)
        {
            credited = Math.Min(credited, Math.Max(0, input.DurationSeconds - input.ResourceCredited));
        }

        if (input.TodayRemaining is { } remaining)
        {
            credited = Math.Min(credited, remaining);
        }

        // Position moving further than the seconds played since the last report is a seek forward.
        var previousPosition = input.LastPlayTime ?? input.PlayTime - input.Claimed;
        var jump = input.PlayTime - previousPosition - input.Claimed;
        return new CreditDecision(accepted, input.Claimed - accepted, allowedPastDue, overflow, fallsDue, credited, jump > ClockBank.ToleranceSeconds ? jump : 0);
    }

    /// <summary>The part of the accepted seconds past the due check's point: how much of it counts, how much not, and whether the check falls due now.</summary>
    private static (int Allowed, int Overflow, bool FallsDue) PastDue(CreditInput input, int accepted)
    {
        int past;
        var fallsDue = false;
        if (input.CheckDue)
        {
            past = accepted;
        }
        else if (input.NextCheckPoint is { } point && Math.Max(input.PlayTime, input.Played + accepted) >= point)
        {
            past = accepted - Math.Clamp(point - input.Reached, 0, accepted);
            fallsDue = true;
        }
        else
        {
            return (0, 0, false);
        }

        var allowed = Math.Min(past, Math.Max(0, input.ValiditySeconds - input.CreditedPastDue));
        return (allowed, past - allowed, fallsDue);
    }
}

/// <summary>What a report claims and what the student's state allows it.</summary>
public readonly record struct CreditInput(
    int Claimed,
    int PlayTime,
    int? LastPlayTime,
    int BankAvailable,
    int Played,
    int Reached,
    int ResourceCredited,
    int DurationSeconds,
    int? TodayRemaining,
    int? NextCheckPoint,
    bool CheckDue,
    int CreditedPastDue,
    int ValiditySeconds);

/// <summary>
/// The numbers behind a report's credit, kept as the anomaly's evidence when something is off: the seconds the
/// bank accepted and refused, the seconds past a due check that counted and did not, whether the next check falls
/// due with this report, the seconds credited, and how far the position jumped ahead.
/// </summary>
public readonly record struct CreditDecision(int Accepted, int Excess, int PastDue, int PastDueOverflow, bool FallsDue, int Credited, int Jump);
