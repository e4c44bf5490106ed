using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Reviews;

/// <summary>
/// A system whose review band is wide enough that every judged face photo goes to review: the test photos score
/// far from the threshold, and the review's effects, not the band's width, are what these tests are about.
/// </summary>
public sealed class ReviewSystem : IAsyncLifetime
{
    public SupervisionCluster System { get; } = new()
    {
        Silos = 1,
        SiloSettings = new() { ["Supervision:FaceReview:LocalBand"] = "2" },
    };

    public Task InitializeAsync() => System.InitializeAsync();

    public Task DisposeAsync() => System.DisposeAsync();
}
