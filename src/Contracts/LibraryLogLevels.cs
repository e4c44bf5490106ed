using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Supervision.Contracts;

/// <summary>
/// The libraries that speak at Information on every activation, connection, retry or outbound request: Orleans,
/// Polly (the learning-platform client's resilience) and HttpClient's request lines. At Warning they still say what
/// goes wrong, and the project's own categories are untouched. Logging:LogLevel:&lt;category&gt; overrides each,
/// for whoever needs the chatter back.
/// </summary>
public static class LibraryLogLevels
{
    private static readonly string[] Chatty = ["Orleans", "Polly", "System.Net.Http.HttpClient"];

    public static ILoggingBuilder QuietLibraries(this ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var category in Chatty)
        {
            logging.AddFilter(category, configuration.GetValue($"Logging:LogLevel:{category}", LogLevel.Warning));
        }

        return logging;
    }
}
