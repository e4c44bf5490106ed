using Supervision.EvidenceChain;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// One 1.10 report in study_reports: only what it changed. The span's session_start row says who, what and
/// from which device. It doubles as the student-class state's journal entry (<see cref="Version"/>).
/// </summary>
public readonly record struct ReportRow(
    DateTimeOffset At,
    Guid SessionId,
    long Version,
    int PlayTime,
    int ProgressTime,
    string Outcome,
    int Credited,
    int Accepted,
    int Bank,
    int PastDue,
    ReportFlags Flags,
    long? ClientTimestamp) : IChainedRow
{
    public bool Succeeded => Outcome == Contracts.ReturnCode.Success;

    /// <summary>Its place on the student-class's evidence chain, once linked; the span's session_start row names the chain.</summary>
    public ChainHead? Link { get; init; }

    public void WriteCanonical(CanonicalJsonWriter writer, long seq) => ReportRecordBytes.Write(writer, this, seq);

    public IChainedRow Linked(ChainHead link) => this with { At = EvidenceTime.Truncate(At), Link = link };

    /// <summary>
    /// The envelope's timestamp as a number, when the text is one written the one way a number is (no sign, no
    /// leading zero), so that the text comes back exactly from the number; null text is null.
    /// </summary>
    public static bool TryCompactTimestamp(string? text, out long? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (text is not [>= '1' and <= '9', ..] || text.Length > 18 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
