using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Supervision.TestFaces;

namespace Supervision.FaceComparison.Tests;

public sealed class FaceComparisonServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddFaceComparison(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task Without_a_provider_setting_the_local_comparer_is_one_shared_instance_with_the_configured_threshold()
    {
        using var services = Build(new() { ["Supervision:Face:LocalMaxDistance"] = "0.5" });

        var comparer = services.GetRequiredService<IFaceComparer>();
        var result = await comparer.CompareAsync(FacePhotos.Hopper, FacePhotos.Cat, CancellationToken.None);

        Assert.IsType<LocalFaceComparer>(comparer);
        Assert.Same(comparer, services.GetRequiredService<IFaceComparer>());
        Assert.Equal(FaceDecision.NoFaceInProbe, result.Decision);
        Assert.Equal(0.5, result.Threshold);
    }

    [Fact]
    public async Task Provider_baidu_resolves_the_cloud_adapter_against_the_configured_base_url()
    {
        await using var server = await FakeBaiduServer.StartAsync();
        using var services = Build(new()
        {
            ["Supervision:Face:Provider"] = "Baidu",
            ["Supervision:Face:CloudPassScore"] = "90",
            ["Supervision:Face:Baidu:BaseUrl"] = server.BaseUrl.ToString(),
            ["Supervision:Face:Baidu:ApiKey"] = "ak",
        });

        var comparer = services.GetRequiredService<IFaceComparer>();
        var result = await comparer.CompareAsync(TestImages.Png(100, 100), TestImages.Png(120, 100), CancellationToken.None);

        Assert.IsType<BaiduFaceComparer>(comparer);
        Assert.Equal(90, result.Threshold);
        Assert.Equal(FaceDecision.Same, result.Decision);
        Assert.NotNull(services.GetRequiredService<NearDuplicateCheck>());
    }

    [Fact]
    public async Task With_the_cloud_provider_edited_copies_are_still_found_locally_with_the_configured_bounds()
    {
        using var services = Build(new()
        {
            ["Supervision:Face:Provider"] = "Baidu",
            ["Supervision:Face:CopyMinLikeness"] = "0.97",
            ["Supervision:Face:EarlierCopyMinLikeness"] = "0.995",
        });

        var printer = services.GetRequiredService<FacePrinter>();
        var check = services.GetRequiredService<EditedCopyCheck>();
        var registered = await printer.PrintAsync(FacePhotos.Registered, CancellationToken.None);
        var edited = await printer.PrintAsync(PhotoEdits.Apply(FacePhotos.Registered, PhotoEdits.Mirror()), CancellationToken.None);

        Assert.IsType<BaiduFaceComparer>(services.GetRequiredService<IFaceComparer>());
        Assert.Equal((0.97, 0.995), (check.MinLikenessToRegistered, check.MinLikenessToEarlier));
        Assert.True(check.IsCopyOfRegistered(registered!.Likeness(edited!)));
    }
}
