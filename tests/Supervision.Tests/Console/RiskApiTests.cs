using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using Supervision.Contracts.Evidence;
using Supervision.Grains.Classes;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Console;

/// <summary>
/// The regulator's summaries from committed anomalies: learners ranked by the seconds their anomalies withheld, the
/// honest learner beside them not listed, and the same figures summed per class and per learning platform.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RiskApiTests(SupervisionCluster system)
{
    [Fact]
    public async Task Learners_are_ranked_by_the_seconds_withheld_and_the_honest_learner_is_not_listed()
    {
        var (platforms, honest, small, big) = await ThreeLearnersAsync();

        var page = await RiskAsync("learners", platforms);
        Assert.Equal(2, (int)page["total"]!);
        var rows = page["rows"]!.AsArray();
        Assert.Equal([big.StudentUserCode, small.StudentUserCode], rows.Select(r => (string)r!["studentUserCode"]!));
        Assert.DoesNotContain(rows, r => (string?)r!["studentUserCode"] == honest.StudentUserCode);
        foreach (var (row, learner) in rows.Zip([big, small]))
        {
            Assert.Equal(await WithheldAsync(learner), (long)row!["withheldSeconds"]!);
            Assert.Equal(platforms.LearningCode, (string?)row["platformCode"]);
            Assert.Equal(AnomalyKind.ProgressAheadOfClock, (string?)row["kinds"]![0]!["kind"]);
            Assert.Equal(1, (int)row["anomalies"]!);
        }

        var second = await RiskAsync("learners", platforms, "&limit=1&offset=1");
        Assert.Equal(2, (int)second["total"]!);
        Assert.Equal(small.StudentUserCode, (string?)second["rows"]![0]!["studentUserCode"]);
    }

    [Fact]
    public async Task Classes_and_platforms_sum_their_flagged_learners_and_a_filter_or_another_day_narrows_them()
    {
        var (platforms, honest, small, big) = await ThreeLearnersAsync();
        var withheld = await WithheldAsync(big) + await WithheldAsync(small);

        var platform = (await RiskAsync("platforms", platforms))["rows"]!.AsArray().Single()!;
        Assert.Equal(platforms.LearningCode, (string?)platform["code"]);
        Assert.Equal(2, (int)platform["learners"]!);
        Assert.Equal(withheld, (long)platform["withheldSeconds"]!);

        var classes = (await RiskAsync("classes", platforms))["rows"]!.AsArray();
        Assert.Equal([big.ClassCode, small.ClassCode], classes.Select(c => (string)c!["code"]!));
        Assert.All(classes, c => Assert.Equal(1, (int)c!["learners"]!));

        var ofClass = await RiskAsync("learners", platforms, $"&classCode={small.ClassCode}");
        Assert.Equal(small.StudentUserCode, (string?)ofClass["rows"]!.AsArray().Single()!["studentUserCode"]);
        Assert.Equal(0, (int)(await RiskAsync("learners", platforms, $"&classCode={honest.ClassCode}"))["total"]!);
        Assert.Equal(0, (int)(await RiskAsync("learners", platforms, $"&kind={AnomalyKind.FaceMismatch}"))["total"]!);

        var today = DateOnly.Parse((string)ofClass["day"]!);
        var tomorrow = await RiskAsync("learners", platforms, $"&day={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(0, (int)tomorrow["total"]!);
        Assert.Empty(tomorrow["rows"]!.AsArray());
    }

    [Fact]
    public async Task An_anomaly_of_another_shape_counts_but_withholds_nothing_rather_than_failing_the_summary()
    {
        var (platforms, _, small, _) = await ThreeLearnersAsync();
        await using (var connection = new NpgsqlConnection(system.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO anomalies (at, kind, class_code, student_user_code, details) VALUES (@at, 'progress_ahead_of_clock', @class, @student, '{\"claimed\":\"six hundred\"}')",
                connection);
            insert.Parameters.AddWithValue("at", system.Clock.GetUtcNow());
            insert.Parameters.AddWithValue("class", small.ClassCode);
            insert.Parameters.AddWithValue("student", small.StudentUserCode);
            await insert.ExecuteNonQueryAsync();
        }

        var row = (await RiskAsync("learners", platforms, $"&classCode={small.ClassCode}"))["rows"]!.AsArray().Single()!;
        Assert.Equal(2, (int)row["anomalies"]!);
        Assert.Equal(await WithheldAsync(small), (long)row["withheldSeconds"]!);
    }

    [Fact]
    public async Task A_photo_swapped_after_study_began_counts_for_every_class_the_person_is_on_and_the_honest_person_for_none()
    {
        var swapper = await Learner.EnrolAsync(system);
        var elsewhere = await swapper.EnrolInAnotherClassAsync();
        var honest = await Learner.EnrolAsync(system, platforms: swapper.Platforms);
        foreach (var learner in new[] { swapper, honest })
        {
            await learner.SetPhotoAsync("http://img.example.test/registered.jpg");
            EnvelopeAssert.Code("0", await learner.StartAsync());
        }

        // The honest person's photo set before studying is no swap; the swapper's, after, is one: of the person, in no class.
        await swapper.SetPhotoAsync("http://img.example.test/someone-else.jpg");

        foreach (var learner in new[] { swapper, elsewhere })
        {
            var row = (await RiskAsync("learners", null, $"&classCode={learner.ClassCode}"))["rows"]!.AsArray().Single()!;
            Assert.Equal(learner.StudentUserCode, (string?)row["studentUserCode"]);
            Assert.Equal(AnomalyKind.PhotoChangedAfterStudy, (string?)row["kinds"]!.AsArray().Single()!["kind"]);
            var risky = (await RiskAsync("classes", null, $"&classCode={learner.ClassCode}"))["rows"]!.AsArray().Single()!;
            Assert.Equal(1, (int)risky["learners"]!);

            // The learner's day lists it, in words, in each class: the class the person never studied in too.
            var day = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}/students/{learner.StudentUserCode}"))["returnData"]!;
            var swap = day["anomalies"]!.AsArray().Single(a => (string?)a!["kind"] == AnomalyKind.PhotoChangedAfterStudy)!;
            Assert.Null((string?)swap["classCode"]);
            Assert.Contains("replaced the registered photo after the student had begun studying", (string?)swap["words"]!["en"]);
            Assert.EndsWith("someone-else.jpg", (string?)swap["details"]!["current"]);
        }

        Assert.Equal(0, (int)(await RiskAsync("learners", null, $"&classCode={honest.ClassCode}"))["total"]!);
        var honestDay = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{honest.ClassCode}/students/{honest.StudentUserCode}"))["returnData"]!;
        Assert.Empty(honestDay["anomalies"]!.AsArray());
    }

    [Fact]
    public async Task A_person_on_two_classes_of_one_platform_is_one_flagged_learner_there_and_their_swap_one_anomaly()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var swapper = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        var elsewhere = await swapper.EnrolInAnotherClassAsync(firstVideoSeconds: 3600);
        var honest = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        await swapper.SetPhotoAsync("http://img.example.test/registered.jpg");
        // Studied in both classes, so that both are placed on the platform.
        EnvelopeAssert.Code("0", await elsewhere.StartAsync());
        EnvelopeAssert.Code("0", await elsewhere.EndAsync());
        EnvelopeAssert.Code("0", await swapper.StartAsync());
        EnvelopeAssert.Code("0", await honest.StartAsync());
        await honest.PlayMinutesAsync(1);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await swapper.ReportAsync(600, 600);
        await swapper.SetPhotoAsync("http://img.example.test/someone-else.jpg");

        var platform = (await RiskAsync("platforms", platforms))["rows"]!.AsArray().Single()!;
        Assert.Equal(1, (int)platform["learners"]!);
        Assert.Equal(2, (int)platform["anomalies"]!); // the claim, and the swap once though both classes list it
        Assert.Equal(await WithheldAsync(swapper), (long)platform["withheldSeconds"]!);
        Assert.Equal(
            [(AnomalyKind.PhotoChangedAfterStudy, 1), (AnomalyKind.ProgressAheadOfClock, 1)],
            platform["kinds"]!.AsArray().Select(k => ((string)k!["kind"]!, (int)k["count"]!)).Order());

        // Each class still counts the person as its own flagged learner.
        var classes = (await RiskAsync("classes", platforms))["rows"]!.AsArray();
        Assert.Equal(new[] { elsewhere.ClassCode, swapper.ClassCode }.Order(), classes.Select(c => (string)c!["code"]!).Order());
        Assert.All(classes, c => Assert.Equal(1, (int)c!["learners"]!));
        Assert.Equal(2, (int)(await RiskAsync("learners", platforms))["total"]!);
    }

    [Fact]
    public async Task A_swap_in_a_class_stored_before_rosters_named_their_people_counts_once_the_migration_names_them()
    {
        var swapper = await Learner.EnrolAsync(system);
        await swapper.SetPhotoAsync("http://img.example.test/registered.jpg");
        EnvelopeAssert.Code("0", await swapper.StartAsync());
        await Ledger.ExecuteAsync(system, "UPDATE class_roster_codes SET card_no = NULL WHERE class_code = @c", ("c", swapper.ClassCode));
        await Ledger.ExecuteAsync(system, "DELETE FROM supervision_schema_migrations WHERE name = @n", ("n", RosterPeopleMigration.Name));
        await swapper.SetPhotoAsync("http://img.example.test/someone-else.jpg");
        Assert.Equal(0, (int)(await RiskAsync("learners", null, $"&classCode={swapper.ClassCode}"))["total"]!);

        var filled = await ((InProcessSiloHandle)system.Cluster.Silos[0]).ServiceProvider.GetRequiredService<RosterPeopleMigration>().RunAsync();

        Assert.True(filled >= 1);
        var row = (await RiskAsync("learners", null, $"&classCode={swapper.ClassCode}"))["rows"]!.AsArray().Single()!;
        Assert.Equal(AnomalyKind.PhotoChangedAfterStudy, (string?)row["kinds"]![0]!["kind"]);
    }

    [Fact]
    public async Task A_swaps_photos_are_refused_in_words_for_another_anomaly_a_wrong_side_or_an_address_that_could_not_be_fetched_at_the_swap()
    {
        var swapper = await Learner.EnrolAsync(system);
        await swapper.SetPhotoAsync("http://img.example.test/registered.jpg");
        EnvelopeAssert.Code("0", await swapper.StartAsync());
        await swapper.SetPhotoAsync("http://img.example.test/someone-else.jpg");
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await swapper.ReportAsync(600, 600);
        var anomalies = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{swapper.ClassCode}/students/{swapper.StudentUserCode}"))["returnData"]!["anomalies"]!.AsArray();
        var swap = (long)anomalies.Single(a => (string?)a!["kind"] == AnomalyKind.PhotoChangedAfterStudy)!["id"]!;
        var ahead = (long)anomalies.First(a => (string?)a!["kind"] == AnomalyKind.ProgressAheadOfClock)!["id"]!;

        var wrongSide = await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies/{swap}/photos/sideways");
        EnvelopeAssert.Code("1003", wrongSide);
        Assert.StartsWith("side:", (string?)wrongSide["returnMsg"]);
        EnvelopeAssert.Code("1003", await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies/{ahead}/photos/after"));
        var unreachable = await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies/{swap}/photos/after");
        EnvelopeAssert.Code("1308", unreachable);
        Assert.StartsWith("ercunPhotos: the photo swapped in: not kept at the swap", (string?)unreachable["returnMsg"]);
    }

    [Theory]
    [InlineData("day=2026-13-01", "day:")]
    [InlineData("day=yesterday", "day:")]
    [InlineData("kind=cheating", "kind:")]
    [InlineData("offset=x", "offset:")]
    public async Task A_wrong_filter_is_refused_naming_it(string query, string field)
    {
        var answer = await system.AdminAsync(HttpMethod.Get, $"/admin/risk/learners?{query}");
        EnvelopeAssert.Code("1003", answer);
        Assert.StartsWith(field, (string?)answer["returnMsg"]);
    }

    /// <summary>An honest learner and two who claim more than the clock allows (300 s and 900 s), one class each, on one platform.</summary>
    private async Task<(Platforms, Learner Honest, Learner Small, Learner Big)> ThreeLearnersAsync()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var honest = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        var small = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        var big = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        foreach (var learner in new[] { honest, small, big })
        {
            EnvelopeAssert.Code("0", await learner.StartAsync());
        }

        await honest.PlayMinutesAsync(2);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        await small.ReportAsync(300, 300);
        await big.ReportAsync(900, 900);
        return (platforms, honest, small, big);
    }

    /// <summary>What the learner's progress_ahead_of_clock anomalies kept from credit: claimed less accepted (docs/console.md).</summary>
    private async Task<long> WithheldAsync(Learner learner)
    {
        var anomalies = (await system.AdminAsync(HttpMethod.Get, $"/admin/anomalies?classCode={learner.ClassCode}"))["returnData"]!.AsArray();
        var ahead = anomalies.Where(a => (string?)a!["kind"] == AnomalyKind.ProgressAheadOfClock).ToList();
        Assert.NotEmpty(ahead);
        return ahead.Where(a => a!["details"]!["accepted"] is not null).Sum(a => (long)(int)a!["details"]!["claimed"]! - (int)a["details"]!["accepted"]!);
    }

    private async Task<JsonObject> RiskAsync(string what, Platforms? platforms, string more = "")
    {
        var answer = await system.AdminAsync(HttpMethod.Get, $"/admin/risk/{what}?platformCode={platforms?.LearningCode}{more}");
        EnvelopeAssert.Code("0", answer);
        return answer["returnData"]!.AsObject();
    }
}
