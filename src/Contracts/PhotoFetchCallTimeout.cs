namespace Supervision.Contracts;

/// <summary>
/// The response timeout of calls that may fetch photos from a platform's host: the probe and the registered photo,
/// each allowed <see cref="FetchSeconds"/>. The call outwaits both, so a slow host is answered with the fetch's own
/// failure code, not with 5001 from a caller that gave up first (a front allows an ordinary call 5 s).
/// </summary>
public static class PhotoFetchCallTimeout
{
    public const int FetchSeconds = 10;

    public const string Value = "00:00:30";
}
