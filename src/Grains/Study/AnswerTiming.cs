namespace Supervision.Grains.Study;

/// <summary>
/// Whether a learner's recent pop-up code answers look typed by a person (docs/study-rules.md "Bots"). A person
/// sees the pop-up, reads four digits and types them: never under <see cref="FloorMillis"/> from issue to answer,
/// and never twice in the same time. An OCR script answers in a fraction of a second, or after a fixed sleep.
/// </summary>
public static class AnswerTiming
{
    /// <summary>The reason of a flag for answers under the floor.</summary>
    public const string Fast = "fast";

    /// <summary>The reason of a flag for answers in a machine's rhythm.</summary>
    public const string Regular = "regular";

    /// <summary>The answers judged together: the most recent ones.</summary>
    public const int Window = 8;

    /// <summary>Issue → answer below this is faster than a person notices, reads and types a 4-digit code (about 2 s at the quickest).</summary>
    public const int FloorMillis = 1_500;

    /// <summary>This many answers under the floor within the window: not a lucky one, a habit.</summary>
    public const int FastNeeded = 3;

    /// <summary>
    /// A full window whose answer times vary less than this (standard deviation over mean) is a machine's fixed
    /// delay: people typing in 2–10 s vary by a third of their mean (0.07 at the lowest in 100,000 simulated
    /// windows), a fixed sleep plus network jitter by about 1 %.
    /// </summary>
    public const double RegularBelow = 0.03;

    /// <summary>Why <paramref name="answers"/> (newest first) look like a script: <see cref="Fast"/>, <see cref="Regular"/>, or null for a person.</summary>
    public static (string Reason, double Variation)? Judge(IReadOnlyList<CodeAnswer> answers)
    {
        var variation = Variation(answers);
        if (answers.Count(a => a.Millis < FloorMillis) >= FastNeeded)
        {
            return (Fast, variation);
        }

        return answers.Count >= Window && variation < RegularBelow ? (Regular, variation) : null;
    }

    /// <summary>Coefficient of variation of the answer times (0 when they are all 0 ms).</summary>
    public static double Variation(IReadOnlyList<CodeAnswer> answers)
    {
        if (answers.Count < 2)
        {
            return double.NaN;
        }

        var mean = answers.Average(a => (double)a.Millis);
        var deviation = Math.Sqrt(answers.Sum(a => Math.Pow(a.Millis - mean, 2)) / (answers.Count - 1));
        return mean > 0 ? deviation / mean : 0;
    }
}
