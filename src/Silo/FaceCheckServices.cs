using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Supervision.Contracts;
using Supervision.FaceComparison;
using Supervision.Grains.Checks.Faces;
using Supervision.Grains.Evidence;
using Supervision.Grains.Fetching;
using Supervision.Grains.Reviews;
using Supervision.Grains.Students;

namespace Supervision.Silo;

/// <summary>What 1.6 needs in a silo: the comparer, photo fetching under the fetch rule, the reference cache, the photo archive and the kept registered photos (a swap's too).</summary>
public static class FaceCheckServices
{
    public static IServiceCollection AddFaceChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFaceComparison(configuration);
        services.TryAddSingleton(new FetchPolicy(configuration["SUPERVISION_FETCH_ALLOW"]));
        services.AddSingleton(sp => new PhotoDownloader(
            new HttpClient(sp.GetRequiredService<FetchPolicy>().CreateHandler(TimeSpan.FromSeconds(5))) { Timeout = Timeout.InfiniteTimeSpan },
            TimeSpan.FromSeconds(PhotoFetchCallTimeout.FetchSeconds),
            ImageLimits.Default.MaxBytes,
            sp.GetRequiredService<ILogger<PhotoDownloader>>()));
        services.AddSingleton<ReferencePhotoCache>();
        services.AddSingleton<CheckPhotoArchive>();
        services.AddSingleton<KeptPhotos>();
        services.AddSingleton<SwapPhotoCapture>();
        services.AddSingleton<PendingReviews>();
        services.AddSingleton<FaceVerification>();
        services.Configure<FaceReviewOptions>(configuration.GetSection(FaceReviewOptions.SectionName));
        return services;
    }
}
