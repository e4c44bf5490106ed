using Microsoft.AspNetCore.Builder;
using Supervision.DemoPopulation;
using Supervision.StandInPlatform;
using Supervision.TestFaces;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Demo;

/// <summary>
/// The system with scripts/demo.sh's smallest population, set up and played by the demo's own tool: its first minutes,
/// then twelve minutes of study on the test clock. Shared by the tests that read it, as the operator would. Its learning
/// platforms are demo.sh's stand-in (tools/StandInPlatform) on loopback, so the class pushes are delivered as in the demo.
/// </summary>
public sealed class DemoPopulationSystem : IAsyncLifetime
{
    /// <summary>The demo's administrator, as the tool signs in.</summary>
    public const string Operator = "demo-population";

    private readonly PhotoServer photos = new();
    private WebApplication? platforms;

    /// <summary>A fresh install's intake: classes wait for the operator, whose policy and approval the tool gives as demo.sh does.</summary>
    public SupervisionCluster System { get; } = new() { Intake = new Dictionary<string, string>() };

    public Population Population { get; private set; } = null!;

    /// <summary>The tool's client, on the test clock.</summary>
    public DemoClient Client { get; private set; } = null!;

    /// <summary>What each cheater's act was answered (the tool's printout).</summary>
    public IReadOnlyDictionary<DemoLearner, string> Outcomes { get; private set; } = new Dictionary<DemoLearner, string>();

    public async Task InitializeAsync()
    {
        await System.InitializeAsync();
        await photos.InitializeAsync();
        photos.PublishAs(FacePictures.RegisteredFile, FacePhotos.Registered);
        photos.PublishAs(FacePictures.AnotherPersonFile, FacePhotos.Hopper);
        platforms = LoopbackServer.CreateBuilder().Build();
        PlatformEndpoints.Map(platforms);
        await platforms.StartAsync();

        var clock = new DemoClock(System.Clock, span =>
        {
            System.Clock.Advance(span);
            return Task.CompletedTask;
        });
        var client = Client = new DemoClient(System.Http, await System.SignInAsync(Operator, "administrator"), clock);
        var faces = FacePictures.Beside();
        var player = new Player(client, clock, faces);
        Population = new Population(Population.MinimumLearners, platforms.Address(), await Provisioning.NextIntakeAsync(client));
        await new Provisioning(client, Population, photos.Folder).RunAsync();
        var firstMinutes = new FirstMinutes(player, clock, faces, photos.Folder);
        await firstMinutes.RunAsync(Population.Learners);
        Outcomes = firstMinutes.Outcomes;
        await new LiveStudy(player, clock).RunTicksAsync(Population.Learners, TimeSpan.FromMinutes(1), 12);
    }

    public async Task DisposeAsync()
    {
        if (platforms is not null)
            await platforms.DisposeAsync();
        await photos.DisposeAsync();
        await System.DisposeAsync();
    }
}
