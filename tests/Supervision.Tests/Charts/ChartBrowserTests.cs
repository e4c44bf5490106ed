using System.Text.Json;
using Microsoft.Playwright;
using Supervision.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Supervision.Tests.Charts;

/// <summary>The overview's charts and a class's progress chart in Chromium: each draws, and what it draws is what the API answers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChartBrowserTests(SupervisionCluster system, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    /// <summary>
    /// What a chart draws for one code (a platform, a kind): a dataset of its own when the chart has a bar a day, or its
    /// bar's segments, one a day, when the chart has fewer than three days and a bar a code.
    /// </summary>
    private const string DrawnFor =
        """
        ([id, code]) => {
          const data = Chart.getChart(id).data;
          const own = data.datasets.find(d => d.code === code);
          if (own) return own.data.reduce((a, b) => a + b, 0);
          const at = data.codes.indexOf(code);
          return data.datasets.reduce((sum, d) => sum + d.data[at], 0);
        }
        """;

    [Fact]
    public async Task The_overview_draws_activity_credit_and_anomalies_as_the_API_answers_them()
    {
        var platforms = await Platforms.ProvisionAsync(system);
        var learner = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(3);
        system.Clock.Advance(TimeSpan.FromSeconds(60));
        await learner.ReportAsync(60 * 4 + 600, 600);

        var page = await chromium.LogInAsync(system, "supervisor");
        await page.GotoAsync("/console/#/overview");
        foreach (var id in new[] { "activity-chart", "credit-platform-chart", "credit-class-chart", "anomaly-chart" })
        {
            await page.WaitForFunctionAsync("id => { const c = Chart.getChart(id); return c && c.data.datasets.length > 0 && c.canvas.width > 0; }", id);
        }

        var credit = (await system.AdminAsync(HttpMethod.Get, "/admin/charts/credit?days=7"))["returnData"]!.AsArray();
        var ours = credit.Where(r => (string?)r!["classCode"] == learner.ClassCode).Sum(r => (long)r!["credited"]!);
        Assert.True(ours > 0);
        await Expect(page.Locator($"#credit-platform-chart-data tr[data-class='{learner.ClassCode}']")).ToHaveAttributeAsync("data-credited", ours.ToString());
        var drawnForPlatform = await page.EvaluateAsync<double>(DrawnFor, new[] { "credit-platform-chart", platforms.LearningCode });
        Assert.Equal(Math.Round(ours / 36.0) / 100, drawnForPlatform, 2);

        var anomalies = (await system.AdminAsync(HttpMethod.Get, "/admin/charts/anomalies?days=7"))["returnData"]!.AsArray();
        var aheadOfClock = anomalies.Where(r => (string?)r!["kind"] == "progress_ahead_of_clock").Sum(r => (int)r!["count"]!);
        var drawnAnomalies = await page.EvaluateAsync<int>(DrawnFor, new[] { "anomaly-chart", "progress_ahead_of_clock" });
        Assert.True(aheadOfClock >= 1);
        Assert.Equal(aheadOfClock, drawnAnomalies);

        var minutes = (await system.AdminAsync(HttpMethod.Get, "/admin/charts/activity?hours=1"))["returnData"]!.AsArray();
        var drawnLearners = await page.EvaluateAsync<int>("() => Chart.getChart('activity-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)");
        Assert.Equal(minutes.Sum(m => (int)m!["learners"]!), drawnLearners);
        await ChromiumBrowser.ScreenshotAsync(page, "7-overview");
    }

    [Fact]
    public async Task A_class_draws_each_students_progress_against_the_courses_total_duration()
    {
        var learner = await Learner.EnrolAsync(system, firstVideoSeconds: 3600);
        await learner.StartAsync();
        await learner.PlayMinutesAsync(5);
        var cls = (await system.AdminAsync(HttpMethod.Get, $"/admin/classes/{learner.ClassCode}"))["returnData"]!;
        var total = cls["courses"]!.AsArray().SelectMany(c => c!["chapters"]!.AsArray()).SelectMany(ch => ch!["resources"]!.AsArray()).Sum(r => (int)r!["durationSeconds"]!);
        var credited = await learner.StudyRecordAsync();

        var page = await chromium.LogInAsync(system, "supervisor");
        await page.GotoAsync($"/console/#/classes/{learner.ClassCode}");
        await page.WaitForFunctionAsync("() => { const c = Chart.getChart('progress-chart'); return c && c.data.datasets[0].data.length > 0; }");

        var drawn = await page.EvaluateAsync<JsonElement>("() => { const c = Chart.getChart('progress-chart'); return { labels: c.data.labels, data: c.data.datasets[0].data }; }");
        Assert.Equal($"张丽 {learner.StudentUserCode}", drawn.GetProperty("labels")[0].GetString()); // a bar names the student, the code beside
        Assert.Equal(Math.Round(1000.0 * credited!.Value / total) / 10, drawn.GetProperty("data")[0].GetDouble(), 1);
        await ChromiumBrowser.ScreenshotAsync(page, "8-class-progress");
    }
}
