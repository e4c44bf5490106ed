using Orleans.Runtime;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Platforms;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class MembershipTests(SupervisionCluster system)
{
    [Fact]
    public async Task Two_silos_on_one_database_form_one_cluster()
    {
        var hosts = await system.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
    }
}

/// <summary>Its own system, because it stops and starts every silo.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly SupervisionCluster system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Platforms_and_classes_survive_a_restart_of_the_whole_cluster()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var classCode = TestIds.Code();
        var card = TestIds.IdNumber();
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/class/v1/pushClassInfo", platforms.ClassBody(classCode, (card, "stu-1", "张丽")), platforms.BusinessToken));
        var before = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();

        await system.RestartAsync();

        var after = await system.Grains.GetGrain<IClassGrain>(classCode).Describe();
        Assert.NotNull(after);
        Assert.Equal(before!.Students, after.Students);
        Assert.Equal(before.ApprovedAt, after.ApprovedAt);
        Assert.Equal(platforms.LearningCode, after.LearningPlatformCode);
        Assert.Equal(platforms.LearningUrl.ToLowerInvariant(), (await system.Grains.GetGrain<IPlatformGrain>(platforms.LearningCode).Describe())?.ApiBaseUrl?.ToLowerInvariant());

        // A token issued before the restart is still valid: the signing key lives in the database, not in a process.
        var study = await system.PostEnvelopeAsync("/api/class/v1/classStudentStudy", new { classCode }, platforms.BusinessToken);
        EnvelopeAssert.Code("0", study);
        EnvelopeAssert.Code("0", await system.PostEnvelopeAsync("/api/v1/thlogin", new { studyPlatformAcount = platforms.LearningCode + "-account", passWord = "correct horse battery" }));
    }
}
