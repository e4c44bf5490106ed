using Supervision.Contracts;
using Supervision.Envelope;

namespace Supervision.WebFront.Envelope;

/// <summary>
/// The rule for 1.10's <c>headers.timestamp</c>. Credit is counted by the server's clock, so the timestamp earns nothing
/// by itself; it is what tells a client's retry of the last report (same timestamp, playTime and progressTime) from a new
/// report that happens to repeat the numbers. Without it a paused player's next report would read as a retry and be
/// answered "0" with nothing credited, so a report must carry one, written as the real clients write it.
/// </summary>
public static class ReportTimestamp
{
    private const string Field = "headers.timestamp";

    /// <summary>Refuses a timestamp that is missing or not Unix seconds (10 digits) or milliseconds (13 digits); the device carries it as sent.</summary>
    public static void Require(EnvelopeHeaders headers)
    {
        var text = headers.Timestamp;
        if (string.IsNullOrEmpty(text))
        {
            throw new EnvelopeRejection(ReturnCode.MissingField, $"{Field}: required on studyHour, as Unix seconds or milliseconds; it tells a retried report from a new one");
        }

        if (text.Length is not (10 or 13) || text[0] == '0' || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new EnvelopeRejection(ReturnCode.InvalidField, $"{Field}: must be Unix seconds (10 digits) or milliseconds (13 digits)");
        }
    }
}
