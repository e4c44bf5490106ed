using Microsoft.Extensions.Caching.Memory;
using Supervision.FaceComparison;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// Students' registered two-inch photos, fetched once per URL and kept for an hour: a learner is checked several
/// times a day and the photo server should not see every check. A replaced photo has a new URL, so it is never stale.
/// Its face print is kept beside it, so that finding its face for the edited-copy check costs once per hour, not per check.
/// </summary>
public sealed class ReferencePhotoCache(PhotoDownloader downloader) : IDisposable
{
    private const long MaxCachedBytes = 64L * 1024 * 1024;
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedBytes });

    public async Task<byte[]> GetAsync(string url, CancellationToken cancellation)
    {
        if (cache.TryGetValue(url, out byte[]? cached) && cached is not null)
            return cached;

        var photo = await downloader.DownloadAsync(url, cancellation);
        cache.Set(url, photo, new MemoryCacheEntryOptions { Size = photo.Length, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        return photo;
    }

    /// <summary>The face print of the registered photo fetched from <paramref name="url"/>, or null when no face is found in it.</summary>
    public async Task<FacePrint?> PrintAsync(string url, byte[] photo, FacePrinter printer, CancellationToken cancellation)
    {
        var key = new PrintKey(url);
        if (cache.TryGetValue(key, out FacePrint? cached) && cached is not null)
            return cached;

        var print = await printer.PrintAsync(photo, cancellation);
        if (print is not null)
            cache.Set(key, print, new MemoryCacheEntryOptions { Size = FacePrint.Side * FacePrint.Side, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        return print;
    }

    private sealed record PrintKey(string Url);

    public void Dispose() => cache.Dispose();
}
