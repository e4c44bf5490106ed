using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Supervision.Contracts;

/// <summary>
/// The libraries that speak at Information on every activation, connection, retry or outbound request: Orleans and
/// HttpClient's request lines keep their warnings. Polly is the learning-platform client's in-call retry, and it logs a
/// stack trace for every retried attempt of a push to a platform that is down, a failure the delivery dispatcher already
/// reports in one line per attempt with its reason; so Polly is silent by default. Logging:LogLevel:&lt;category&gt;
/// overrides each, for whoever needs the chatter back. ASP.NET Core's hosting diagnostics (a line as each request
/// starts and ends, at Information and Debug) are off: while that category is enabled at all, every request creates an
/// Activity with its trace ids, which cost the hot path about 0.5 KB a request with no trace recorded (issue 24);
/// with traces exported (OTEL_EXPORTER_OTLP_ENDPOINT) the tracer creates them as it needs.
/// </summary>
public static class LibraryLogLevels
{
    private static readonly (string Category, LogLevel Level)[] Defaults =
    [
        ("Orleans", LogLevel.Warning),
        ("System.Net.Http.HttpClient", LogLevel.Warning),
        ("Polly", LogLevel.None),
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),
    ];

    public static ILoggingBuilder QuietLibraries(this ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var (category, level) in Defaults)
        {
            logging.AddFilter(category, configuration.GetValue($"Logging:LogLevel:{category}", level));
        }

        return logging;
    }
}
