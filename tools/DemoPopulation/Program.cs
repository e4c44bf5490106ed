using System.Runtime.InteropServices;
using Supervision.DemoPopulation;

// The demo's population (scripts/demo.sh): platforms, classes and learners that look real, set up and driven through
// the server's public API and its /admin API only, as platforms and an operator would. The server credits by its own
// clock (docs/study-rules.md "The report timestamp"): a day of history is studied through while the demo server replays
// yesterday (--replay-until, its Supervision:Clock), then the learners go on today.
if (args.Contains("--help"))
{
    Console.WriteLine(DemoOptions.Usage);
    return 0;
}

DemoOptions options;
try
{
    options = DemoOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"demo: {e.Message}\n{DemoOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

var clock = options.ReplayUntil is { } replayUntil && await DemoClient.ServerNowAsync(http) is var serverNow && serverNow < replayUntil
    ? new DemoClock(new FollowedReplay(serverNow, replayUntil, options.ReplaySpeed))
    : DemoClock.Real;
var client = new DemoClient(http, await DemoClient.SignInAsync(http, options.Operator, options.OperatorPassword), clock);
var population = new Population(options.Learners, options.PlatformsUrl, await Provisioning.NextIntakeAsync(client), options.Seed);
var faces = FacePictures.Beside();
var provisioning = new Provisioning(client, population, options.PhotosUrl);
var player = new Player(client, clock, faces);

Console.WriteLine($"demo: registering {population.Platforms.Count()} platforms, {population.Classes.Count} classes, {options.Learners} learners");
await provisioning.RunAsync();
// Tokens last two hours of the server's clock: a long demo, or a replayed day, logs its learning platforms in again well before.
var relogin = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        await clock.WaitAsync(TimeSpan.FromMinutes(90), stop.Token).ContinueWith(_ => { });
        if (!stop.IsCancellationRequested)
            foreach (var platform in population.Learning)
                await provisioning.LogInAsync(platform);
    }
});

Console.WriteLine("demo: everyone starts a video; the cheaters act in their first minutes");
var firstMinutes = new FirstMinutes(player, clock, faces, options.PhotosUrl);
await firstMinutes.RunAsync(population.Learners);
var live = new LiveStudy(player, clock);
if (clock.Replaying)
{
    var dayEnd = clock.ReplayEnd!.Value;
    Console.WriteLine($"demo: yesterday, replayed at {options.ReplaySpeed}×: the learners study until {dayEnd.ToOffset(TimeSpan.FromHours(8)):HH:mm} China time");
    await live.RunDayAsync(population.Learners, options.Cadence, TimeSpan.FromMinutes(100), dayEnd - TimeSpan.FromMinutes(5), stop.Token);
    while (clock.Replaying && !stop.IsCancellationRequested)
        await Task.Delay(TimeSpan.FromMilliseconds(200));
    foreach (var platform in population.Learning)
        await provisioning.LogInAsync(platform);
    Console.WriteLine("demo: today: everyone with videos and webcam frames left starts again");
    await live.ResumeAsync(population.Learners);
}

ConsoleTour.Print(Console.Out, population, firstMinutes.Outcomes);
Console.WriteLine($"demo: the learners study for {options.Duration.TotalSeconds:F0} s, one report each {options.Cadence.TotalSeconds:F0} s");
await live.RunAsync(population.Learners, options.Cadence, options.Duration, stop.Token);
stop.Cancel();
await relogin;
var honest = population.Learners.Where(l => l.Pattern == CheatPattern.None).ToList();
Console.WriteLine($"demo: done: {live.Reports} reports; the honest learners earned {honest.Sum(l => l.CreditedSeconds)} s and passed {honest.Sum(l => l.ChecksPassed)} checks");
return 0;
