namespace Supervision.Grains.Fetching;

/// <summary>
/// The fetch rule refused every address a host resolved to. Thrown from the connect callback, so HttpClient hands it
/// on as the inner exception of its HttpRequestException; callers look for it to say "not allowed" rather than "unreachable".
/// </summary>
public sealed class FetchRefusedException(string host)
    : Exception($"fetching from {host} is not allowed (SUPERVISION_FETCH_ALLOW)")
{
    public static bool IsCauseOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is FetchRefusedException)
                return true;
        }

        return false;
    }
}
