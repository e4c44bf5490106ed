using System.Globalization;

namespace Supervision.EvidenceChain;

/// <summary>
/// Times in evidence are kept to the microsecond, as PostgreSQL stores them: a record's time is truncated before it
/// is hashed and written, so what comes back from the database hashes the same.
/// </summary>
public static class EvidenceTime
{
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>The canonical text: UTC, six fractional digits, e.g. 2026-03-01T01:00:00.123456Z.</summary>
    public static string Format(DateTimeOffset at) => Truncate(at).UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
}
