using System.Net;
using Orleans.Runtime;
using Supervision.Contracts.Checks;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// The code-picture endpoint takes no token: a stranger can ask it for any bizCode. Guesses must cost the cluster
/// nothing: no grain activated, no line logged.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CodePictureProbeTests(SupervisionCluster system)
{
    private static readonly object EveryMinute = new { videoOnHook = 1, faceTimeLimit = 1, videoOnHookDetail = new { triggerType = 1, triggervValue = 1 } };

    [Fact]
    public async Task Five_thousand_guessed_bizCodes_activate_no_grain_and_log_nothing_while_the_real_one_is_still_drawn()
    {
        var learner = await Learner.EnrolAsync(system, EveryMinute, firstVideoSeconds: 3600);
        await learner.StartAsync();
        var (issued, _) = await learner.GetCodeAsync();
        var tampered = issued[..^1] + (issued[^1] == '0' ? '1' : '0');
        var guesses = Enumerable.Range(0, 5_000).Select(i => (i % 5) switch
        {
            0 => "no-such-code-" + i,
            1 => Guid.NewGuid().ToString("N").ToUpperInvariant(),
            2 => Uri.EscapeDataString($"{i}\n11010519491231002X"),
            _ => Guid.NewGuid().ToString("N"),
        }).Append(tampered).ToList();

        var activationsBefore = await ChallengeActivationsAsync();
        var logged = system.Logs.Lines.Count;
        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var batch in guesses.Chunk(8))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(PictureAsync)));
        }

        var activationsAfter = await ChallengeActivationsAsync();
        var lines = system.Logs.Lines.Skip(logged).ToList();

        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Contains("\"returnCode\":\"1401\"", answer.Body);
        });
        Assert.True(activationsAfter <= activationsBefore, $"{activationsAfter - activationsBefore} challenge grains were activated by guesses");
        Assert.True(lines.Count < 50, $"{lines.Count} log lines during the guesses, e.g. {lines.FirstOrDefault()}");
        var (realStatus, _) = await PictureAsync(issued);
        Assert.Equal(HttpStatusCode.OK, realStatus);

        // The count does see a challenge grain that is activated for an unknown bizCode, as a guess used to be.
        await system.Grains.GetGrain<IChallengeGrain>(Guid.NewGuid().ToString("N")).CodeToShow();
        Assert.True(await ChallengeActivationsAsync() > activationsAfter);
    }

    private async Task<(HttpStatusCode Status, string Body)> PictureAsync(string bizCode)
    {
        using var response = await system.Http.GetAsync("/api/v1/verificationImage/" + bizCode);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> ChallengeActivationsAsync()
    {
        var statistics = await system.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("ChallengeGrain")).Sum(s => s.ActivationCount);
    }
}
