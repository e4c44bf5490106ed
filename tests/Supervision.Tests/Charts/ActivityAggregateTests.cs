using System.Text.Json.Nodes;
using Npgsql;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Charts;

/// <summary>
/// The charts' aggregate tables against the evidence they sum, on real PostgreSQL: learners of a platform of their
/// own, honest and cheating, study across a China midnight; every aggregate row equals the sum of its evidence, and
/// the operator API answers those rows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ActivityAggregateTests(SupervisionCluster system)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    [Fact]
    public async Task Each_aggregate_equals_the_evidence_it_sums_across_a_China_midnight()
    {
        // Two minutes before the next China midnight.
        var now = system.Clock.GetUtcNow().ToOffset(ChinaOffset);
        system.Clock.Advance(now.Date.AddDays(1).AddMinutes(-2) - now.DateTime);
        var platforms = await Platforms.ProvisionAsync(system);
        var honest = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        var cheater = await Learner.EnrolAsync(system, platforms: platforms, firstVideoSeconds: 3600);
        await honest.StartAsync();
        await cheater.StartAsync();
        for (var minute = 1; minute <= 4; minute++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(60));
            EnvelopeAssert.Code("0", await honest.ReportAsync(minute * 60, 60));
            // The cheater claims ten minutes each minute: progress ahead of the clock every time.
            await cheater.ReportAsync(minute * 600, 600);
        }

        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync();
        var classes = new[] { honest.ClassCode, cheater.ClassCode };

        var creditRows = await RowsAsync(connection, "SELECT day::text, class_code, sum(credited)::bigint FROM credit_by_day WHERE class_code = ANY(@classes) GROUP BY 1, 2 ORDER BY 1, 2", classes);
        var creditEvidence = await RowsAsync(connection,
            "SELECT (at AT TIME ZONE 'Asia/Shanghai')::date::text, class_code, sum(credited) FROM report_evidence WHERE class_code = ANY(@classes) GROUP BY 1, 2 ORDER BY 1, 2", classes);
        Assert.Equal(creditEvidence, creditRows);
        Assert.Equal(2, creditRows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(240L, creditRows.Where(r => (string)r[1] == honest.ClassCode).Sum(r => Convert.ToInt64(r[2])));

        var anomalyRows = await RowsAsync(connection, "SELECT day::text, kind, sum(count)::int FROM anomalies_by_day WHERE class_code = ANY(@classes) GROUP BY 1, 2 ORDER BY 1, 2", classes);
        var anomalyEvidence = await RowsAsync(connection,
            "SELECT (at AT TIME ZONE 'Asia/Shanghai')::date::text, kind, count(*)::int FROM anomalies WHERE class_code = ANY(@classes) GROUP BY 1, 2 ORDER BY 1, 2", classes);
        Assert.Equal(anomalyEvidence, anomalyRows);
        Assert.Contains(anomalyRows, r => (string)r[1] == "progress_ahead_of_clock");

        var minuteRows = await RowsAsync(connection,
            "SELECT minute, sum(reports)::int, sum(learners)::int, sum(credited)::int FROM activity_by_minute WHERE platform_code = @platform GROUP BY 1 ORDER BY 1", platform: platforms.LearningCode);
        var minuteEvidence = await RowsAsync(connection,
            """
            SELECT date_trunc('minute', at), count(*)::int, count(DISTINCT student_user_code)::int, sum(credited)::int
            FROM report_evidence WHERE platform_code = @platform GROUP BY 1 ORDER BY 1
            """, platform: platforms.LearningCode);
        Assert.Equal(minuteEvidence, minuteRows);
        Assert.Equal(4, minuteRows.Count);
        Assert.All(minuteRows, r => Assert.Equal(2L, r[2]));

        var answered = (await system.AdminAsync(HttpMethod.Get, "/admin/charts/credit?days=2"))["returnData"]!.AsArray()
            .Where(r => classes.Contains((string?)r!["classCode"]))
            .Select(r => new object[] { (string)r!["day"]!, (string)r["classCode"]!, (long)r["credited"]! }).ToList();
        Assert.Equal(creditRows.Select(r => new object[] { r[0], r[1], Convert.ToInt64(r[2]) }), answered);
        var minutes = (await system.AdminAsync(HttpMethod.Get, "/admin/charts/activity?hours=1"))["returnData"]!.AsArray();
        Assert.True(minutes.Count >= 4);
        EnvelopeAssert.Code("1003", await system.AdminAsync(HttpMethod.Get, "/admin/charts/activity?hours=25"));
        EnvelopeAssert.Names("hours", await system.AdminAsync(HttpMethod.Get, "/admin/charts/activity?hours=soon"));
        EnvelopeAssert.Names("days", await system.AdminAsync(HttpMethod.Get, "/admin/charts/credit?days=0"));
    }

    private static async Task<List<object[]>> RowsAsync(NpgsqlConnection connection, string sql, string[]? classes = null, string? platform = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (classes is not null) command.Parameters.AddWithValue("classes", classes);
        if (platform is not null) command.Parameters.AddWithValue("platform", platform);
        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row.Select(v => v is long or int ? (object)Convert.ToInt64(v) : v).ToArray());
        }

        return rows;
    }
}
