using Microsoft.Extensions.Caching.Memory;
using Supervision.Grains.Fetching;

namespace Supervision.Grains.Checks.Faces;

/// <summary>
/// Students' registered two-inch photos, fetched once per URL and kept for an hour: a learner is checked several
/// times a day and the photo server should not see every check. A replaced photo has a new URL, so it is never stale.
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

    public void Dispose() => cache.Dispose();
}
