using System.Text.RegularExpressions;
using Orleans.Runtime;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Hostile;

/// <summary>
/// The operator routes take keys in their paths as the platforms' endpoints take them in their bodies: classes,
/// learners, ID numbers and check photos nobody stored are refused with the code the grain would give, before any
/// grain wakes for them, while the real ones still answer.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OperatorRouteKeyProbeTests(SupervisionCluster system)
{
    private static readonly string[] Grains = ["StudentClassGrain", "ClassGrain", "StudentGrain", "FaceReviewGrain"];

    [Fact]
    public async Task Guessed_keys_in_operator_routes_wake_no_grain_and_the_real_ones_still_answer()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        EnvelopeAssert.Code("0", await learner.StartAsync());
        await learner.PlayMinutesAsync(1);
        var before = await ActivationsAsync();

        var refusals = new List<(string Expected, string Path, string? Code)>();
        for (var i = 0; i < 20; i++)
        {
            var otherClass = TestIds.Code();
            var otherStudent = TestIds.Code("s");
            foreach (var (expected, method, path) in new[]
            {
                ("1201", HttpMethod.Get, $"/admin/classes/{otherClass}"),
                ("1201", HttpMethod.Get, $"/admin/classes/{otherClass}/students"),
                ("1201", HttpMethod.Post, $"/admin/classes/{otherClass}/approve"),
                ("1201", HttpMethod.Get, $"/admin/classes/{otherClass}/students/{learner.StudentUserCode}"),
                ("1202", HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{otherStudent}"),
                ("1202", HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{otherStudent}/timeline"),
                ("1202", HttpMethod.Get, $"/admin/students/{TestIds.IdNumber()}"),
                ("1003", HttpMethod.Post, $"/admin/face-reviews/{900_000_000 + i}?decision=same_person"),
            })
            {
                refusals.Add((expected, path, (string?)(await system.AdminAsync(method, path))["returnCode"]));
            }
        }

        var after = await ActivationsAsync();
        Assert.All(refusals, r => Assert.True(r.Code == r.Expected, $"{r.Path}: expected {r.Expected}, got {r.Code}"));
        foreach (var grain in Grains)
        {
            Assert.True(after[grain] <= before[grain], $"{after[grain] - before[grain]} {grain} activations from guessed keys");
        }

        var learnerView = await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}");
        var person = await system.AdminAsync(HttpMethod.Get, $"/admin/students/{learner.CardNo}");
        EnvelopeAssert.Code("0", await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}"));
        EnvelopeAssert.Code("0", learnerView);
        EnvelopeAssert.Code("0", person);
    }

    private async Task<Dictionary<string, int>> ActivationsAsync()
    {
        var statistics = await system.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return Grains.ToDictionary(g => g, g => statistics.Where(s => Regex.IsMatch(s.GrainType, $@"\.{g}\b")).Sum(s => s.ActivationCount));
    }
}
