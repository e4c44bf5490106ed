using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Supervision.FaceComparison;

public static class FaceComparisonServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="IFaceComparer"/> named by <c>Supervision:Face:Provider</c>, with its options bound from that section.</summary>
    public static IServiceCollection AddFaceComparison(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(FaceComparisonOptions.SectionName);
        services.Configure<FaceComparisonOptions>(section);
        services.Configure<BaiduFaceOptions>(section.GetSection("Baidu"));
        services.AddSingleton<NearDuplicateCheck>();
        // Whichever provider judges identity, edited copies are found with the local detector and landmarks (embedded here).
        services.AddSingleton(sp => new FacePrinter(sp.GetRequiredService<IOptions<FaceComparisonOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FaceComparisonOptions>>().Value;
            return new EditedCopyCheck(options.CopyMinLikeness, options.EarlierCopyMinLikeness);
        });

        var provider = section.GetValue(nameof(FaceComparisonOptions.Provider), FaceProvider.Local);
        switch (provider)
        {
            case FaceProvider.Local:
                // A singleton because loading the three models takes a fraction of a second and ~100 MB; sessions are thread-safe.
                services.AddSingleton<IFaceComparer>(sp => new LocalFaceComparer(sp.GetRequiredService<IOptions<FaceComparisonOptions>>().Value));
                break;
            case FaceProvider.Baidu:
                services.AddSingleton<IFaceComparer>(sp => new BaiduFaceComparer(
                    // Recycled connections pick up DNS changes of the cloud endpoint in a long-lived silo.
                    new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) },
                    sp.GetRequiredService<IOptions<BaiduFaceOptions>>().Value,
                    sp.GetRequiredService<IOptions<FaceComparisonOptions>>().Value));
                break;
            default:
                throw new InvalidOperationException($"Unknown face provider '{provider}' in {FaceComparisonOptions.SectionName}:Provider.");
        }

        return services;
    }
}
