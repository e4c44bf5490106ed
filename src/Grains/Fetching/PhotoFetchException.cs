namespace Supervision.Grains.Fetching;

/// <summary>A photo URL could not be fetched: refused by the fetch rule, unreachable, too slow, too large, or answered with an error.</summary>
public sealed class PhotoFetchException(string reason, Exception? inner = null) : Exception(reason, inner);
