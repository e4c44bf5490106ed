using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// Orleans, Polly and HttpClient say at Information what they do on every call; the default logs keep the warnings of
/// Orleans and HttpClient and ours. A push to a platform that is down is a known failure: the dispatcher says so in one
/// line per attempt, without Polly's stack trace for each of its in-call retries.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LibraryChatterTests(SupervisionCluster system)
{
    private static readonly string[] Chatty = ["Orleans", "Polly", "System.Net.Http.HttpClient"];

    [Fact]
    public async Task A_study_and_a_failing_push_log_no_library_information_and_the_failure_as_one_line_without_a_trace()
    {
        // The class is pushed (1.12) to a platform whose host does not resolve: Polly retries and the dispatcher warns.
        var learner = await Learner.EnrolAsync(system, new { videoOnHook = 1 }, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(2);

        // The push runs on the dispatcher's own (real) schedule: wait for its warning, not for a fixed time.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        bool Warned() => system.Logs.Lines.Any(line =>
            line.StartsWith("Warning Supervision.Grains.Delivery") && line.Contains(learner.Platforms.LearningCode));
        while (!Warned() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var lines = system.Logs.Lines.ToList();
        Assert.True(Warned(), "the dispatcher's warning about the failed push was not logged");
        Assert.Contains(lines, line => line.StartsWith("Information Microsoft.Hosting.Lifetime"));
        Assert.DoesNotContain(lines, line => Chatty.Any(category =>
            (line.StartsWith($"Information {category}") || line.StartsWith($"Debug {category}") || line.StartsWith($"Trace {category}"))));
        Assert.DoesNotContain(lines, line => line.StartsWith("Warning Polly") || line.StartsWith("Error Polly"));
        var pushWarnings = lines.Where(line => line.StartsWith("Warning Supervision.Grains.Delivery") && line.Contains(learner.Platforms.LearningCode)).ToList();
        Assert.All(pushWarnings, line => Assert.DoesNotContain("\n", line.Trim()));
    }
}
