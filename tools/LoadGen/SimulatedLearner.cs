namespace Supervision.LoadGen;

/// <summary>One learner's player: where it is in the video and what the server acknowledged.</summary>
/// <param name="front">The index of the front (--url) this learner's reports go through.</param>
public sealed class SimulatedLearner(string classCode, string studentUserCode, int front)
{
    public string ClassCode { get; } = classCode;

    public string StudentUserCode { get; } = studentUserCode;

    public int Front { get; } = front;

    public int Position { get; set; }

    /// <summary>Claims ten times the seconds that passed, as a script that speeds the clock would.</summary>
    public bool Cheats { get; init; }

    public DateTime LastReportAt { get; set; }

    /// <summary>Milliseconds played but not yet reported (progressTime is whole seconds).</summary>
    public double CarriedMilliseconds { get; set; }

    /// <summary>Seconds the server acknowledged with returnCode "0": what 2.5 must show afterwards.</summary>
    public long AcknowledgedSeconds { get; set; }

    /// <summary>The progress to claim: the whole seconds that really passed since the last report (ten times that for a cheater).</summary>
    public int TakeProgress(DateTime now)
    {
        CarriedMilliseconds += (now - LastReportAt).TotalMilliseconds;
        LastReportAt = now;
        var seconds = (int)(CarriedMilliseconds / 1000);
        CarriedMilliseconds -= seconds * 1000;
        var claimed = Cheats ? seconds * 10 : seconds;
        Position += claimed;
        return claimed;
    }
}
