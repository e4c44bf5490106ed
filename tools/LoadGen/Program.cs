using System.Diagnostics;
using System.Text.Json.Nodes;
using Supervision.LoadGen;

// A learner simulator over the real HTTP front: provision, start every learner, report at a cadence with
// honest progress (paced) or as fast as the connections allow (closed loop), end, then verify that 2.5
// holds exactly the seconds acknowledged with returnCode "0".
if (args.Contains("--help"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

var options = LoadOptions.Parse(args);
var measurements = new Measurements();

// One HTTP client per front; the connections are bounded in all by the workers (closed loop) or the gate (paced).
var fronts = options.Urls.Select(url => new SupervisionClient(
    new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(30),
    },
    measurements)).ToList();

// Platforms, logins and classes go through the first front: the fronts sign tokens with the cluster's one key.
var client = fronts[0];
var answeredByFront = new long[fronts.Count];
var population = new TestPopulation(options.Run, options);

Console.WriteLine($"loadgen: run {options.Run}, {options.Learners} learners in {population.Classes.Count()} classes, {(options.Sweep ? "one report each" : options.ClosedLoop ? "closed loop" : $"every {options.Cadence.TotalMilliseconds} ms")}, {options.Connections} connections");
var learningToken = "benchmark";
var businessToken = "benchmark";
using var gate = new SemaphoreSlim(options.Connections);
if (options.Raw)
{
    population.Learners.ToList().ForEach(l => l.LastReportAt = DateTime.UtcNow);
}
else if (options.Provision)
{
    (learningToken, businessToken) = await ProvisionAsync();
}
else
{
    learningToken = await client.LogInAsync(population.LearningCode, population.PlatformPassword);
    businessToken = await client.LogInAsync(population.BusinessCode, population.PlatformPassword);
    population.Learners.ToList().ForEach(l => l.LastReportAt = DateTime.UtcNow);
}

if (options.Sweep)
{
    measurements.Recording = true;
    var sweep = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async worker =>
    {
        for (var i = worker; i < population.Learners.Count; i += options.Connections)
        {
            await ReportAsync(population.Learners[i]);
        }
    }));
    measurements.Print(sweep.Elapsed, Console.Out);
    Console.WriteLine($"sweep {population.Learners.Count} learners in {sweep.Elapsed.TotalSeconds:F1} s: {population.Learners.Count / sweep.Elapsed.TotalSeconds:F0} first reports/s p99 {measurements.P99Milliseconds("studyHour"):F1} ms");
    return 0;
}

async Task ReportAsync(SimulatedLearner learner)
{
    var progressTime = learner.TakeProgress(DateTime.UtcNow);
    var (code, credited) = await fronts[learner.Front].StudyHourAsync(
        learningToken, population.LearningCode, learner.ClassCode, learner.StudentUserCode, TestPopulation.CourseCode, TestPopulation.ResCode, learner.Position, progressTime);
    if (code == "0")
    {
        learner.AcknowledgedSeconds += credited;
    }

    if (measurements.Recording)
    {
        Interlocked.Increment(ref answeredByFront[learner.Front]);
    }
}

var stop = DateTime.UtcNow + options.WarmUp + options.Duration;
var measuredFrom = DateTime.UtcNow + options.WarmUp;
var progress = Task.Run(async () =>
{
    while (DateTime.UtcNow < stop)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        measurements.Recording = DateTime.UtcNow >= measuredFrom;
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} studyHour answered: {measurements.Count("studyHour")}");
    }
});
_ = Task.Delay(options.WarmUp).ContinueWith(_ => measurements.Recording = true);

var clock = Stopwatch.StartNew();
if (options.ClosedLoop)
{
    // Each connection works through the learners in turn, sending the next report as soon as one is answered.
    await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async worker =>
    {
        for (var i = worker; DateTime.UtcNow < stop; i += options.Connections)
        {
            await ReportAsync(population.Learners[i % population.Learners.Count]);
        }
    }));
}
else
{
    await Task.WhenAll(population.Learners.Select(async (learner, i) =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(options.Cadence.TotalMilliseconds * i / population.Learners.Count));
        while (DateTime.UtcNow < stop)
        {
            await gate.WaitAsync();
            try
            {
                await ReportAsync(learner);
            }
            finally
            {
                gate.Release();
            }

            await Task.Delay(options.Cadence);
        }
    }));
}

await progress;
measurements.Recording = false;
var measured = clock.Elapsed - options.WarmUp;
if (options.Raw)
{
    measurements.Print(measured, Console.Out);
    Console.WriteLine($"studyHour {measurements.Count("studyHour") / measured.TotalSeconds:F0} req/s p99 {measurements.P99Milliseconds("studyHour"):F1} ms");
    return 0;
}

foreach (var learner in population.Learners)
{
    await fronts[learner.Front].PostAsync("endStudy", "/api/v1/endStudy", learningToken, population.Study(learner));
}

measurements.Print(measured, Console.Out);
if (fronts.Count > 1)
{
    Console.WriteLine($"studyHour answered per front: {string.Join(", ", options.Urls.Select((url, i) => $"{url.Authority} {answeredByFront[i]}"))}");
}

// Each class is read through a front in turn, so a class whose learners reported through several fronts is also
// read back through a front most of them did not use.
var mismatches = 0;
foreach (var (members, i) in population.Classes.Select((members, i) => (members, i)))
{
    var answer = SupervisionClient.Expect0("classStudentStudy", await fronts[i % fronts.Count].PostAsync("classStudentStudy", "/api/class/v1/classStudentStudy", businessToken, new JsonObject { ["classCode"] = members.Key }));
    var credited = answer["returnData"]!.AsArray().ToDictionary(r => (string)r!["userCode"]!, r => long.Parse((string)r!["playTime"]!));
    mismatches += members.Count(l => credited.GetValueOrDefault(l.StudentUserCode) != l.AcknowledgedSeconds);
}

var acknowledged = population.Learners.Sum(l => l.AcknowledgedSeconds);
Console.WriteLine(mismatches == 0
    ? $"verified: for all {population.Learners.Count} learners, 2.5 holds exactly the {acknowledged} s acknowledged"
    : $"VERIFICATION FAILED: {mismatches} learners' 2.5 credit differs from what was acknowledged");
Console.WriteLine($"studyHour {measurements.Count("studyHour") / measured.TotalSeconds:F0} req/s p99 {measurements.P99Milliseconds("studyHour"):F1} ms");
return mismatches == 0 ? 0 : 1;

async Task<(string Learning, string Business)> ProvisionAsync()
{
    await client.AdminAsync("/admin/platforms", new { code = population.LearningCode, name = "loadgen learning", role = "learning", account = population.LearningCode, password = population.PlatformPassword, apiBaseUrl = population.LearningUrl }, options.AdminKey);
    await client.AdminAsync("/admin/platforms", new { code = population.BusinessCode, name = "loadgen business", role = "business", account = population.BusinessCode, password = population.PlatformPassword }, options.AdminKey);
    var learning = await client.LogInAsync(population.LearningCode, population.PlatformPassword);
    var business = await client.LogInAsync(population.BusinessCode, population.PlatformPassword);
    foreach (var members in population.Classes)
    {
        SupervisionClient.Expect0("pushClassInfo", await client.PostAsync("pushClassInfo", "/api/class/v1/pushClassInfo", business, population.ClassBody(members)));

        // A pushed class waits for the operator; the simulated learners answer no checks, so the operator's policy has none.
        await client.AdminAsync($"/admin/classes/{members.Key}/policy", new { videoOnHook = 0 }, options.AdminKey, HttpMethod.Put);
        await client.AdminAsync($"/admin/classes/{members.Key}/approve", new { }, options.AdminKey);
    }

    await Task.WhenAll(population.Learners.Select(async learner =>
    {
        await gate.WaitAsync();
        try
        {
            SupervisionClient.Expect0("startStudy", await fronts[learner.Front].PostAsync("startStudy", "/api/v1/startStudy", learning, population.Study(learner)));
            learner.LastReportAt = DateTime.UtcNow;
        }
        finally
        {
            gate.Release();
        }
    }));
    return (learning, business);
}
