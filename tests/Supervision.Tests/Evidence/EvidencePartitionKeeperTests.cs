using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;
using Supervision.Database.Partitions;
using Supervision.Grains.Evidence;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The silo makes the evidence partitions ahead by itself, as it starts and then daily on the supervision clock
/// (2 months ahead here), and moves rows that found no partition out of the default one.
/// </summary>
public sealed class EvidencePartitionKeeperTests(EvidencePartitionKeeperTests.TwoMonthsAhead fixture) : IClassFixture<EvidencePartitionKeeperTests.TwoMonthsAhead>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private SupervisionCluster System => fixture.System;

    [Fact]
    public async Task A_started_silo_has_the_current_month_and_the_months_ahead_for_every_partitioned_table_and_makes_more_as_days_pass()
    {
        // The cluster's clock starts on 2026-03-01 (China time).
        foreach (var table in PartitionedTables.All)
        {
            Assert.Superset(Months("2026-03", "2026-04", "2026-05").ToHashSet(), (await MonthsAsync(table)).ToHashSet());
        }

        Assert.DoesNotContain(EvidenceMonth.Parse("2026-07"), await MonthsAsync("evidence_events"));

        // Days pass without a restart: the daily round makes the months that come within reach.
        System.Clock.Advance(TimeSpan.FromDays(62));
        foreach (var table in PartitionedTables.All)
        {
            await WaitForAsync(table, EvidenceMonth.Parse("2026-07"));
        }
    }

    [Fact]
    public async Task A_row_of_a_month_without_a_partition_is_kept_by_the_default_partition_and_moved_into_its_month_by_the_next_round()
    {
        var at = new DateTimeOffset(2029, 1, 10, 3, 0, 0, TimeSpan.Zero);
        var kind = "probe_" + TestIds.Code();
        await using var connection = new NpgsqlConnection(System.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO evidence_events (at, kind, outcome) VALUES (@at, @kind, '0')", connection))
        {
            insert.Parameters.AddWithValue("at", at);
            insert.Parameters.AddWithValue("kind", kind);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal("evidence_events_default", await HomeOfAsync(connection, kind));

        var created = await Silo.GetRequiredService<EvidencePartitionKeeper>().EnsureAsync();

        Assert.Contains("evidence_events_2029_01", created);
        Assert.Equal("evidence_events_2029_01", await HomeOfAsync(connection, kind));
        await using var left = new NpgsqlCommand("SELECT count(*) FROM evidence_events_default", connection);
        Assert.Equal(0L, await left.ExecuteScalarAsync());
    }

    private IServiceProvider Silo => ((InProcessSiloHandle)System.Cluster.Silos[0]).ServiceProvider;

    private static IEnumerable<EvidenceMonth> Months(params string[] months) => months.Select(EvidenceMonth.Parse);

    private async Task<IReadOnlyList<EvidenceMonth>> MonthsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(System.ConnectionString);
        await connection.OpenAsync();
        return await MonthlyPartitions.MonthsAsync(connection, table);
    }

    private async Task WaitForAsync(string table, EvidenceMonth month)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!(await MonthsAsync(table)).Contains(month))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{month.PartitionOf(table)} was not made within {Soon}");
            await Task.Delay(50);
        }
    }

    private static async Task<string> HomeOfAsync(NpgsqlConnection connection, string kind)
    {
        await using var command = new NpgsqlCommand("SELECT tableoid::regclass::text FROM evidence_events WHERE kind = @kind", connection);
        command.Parameters.AddWithValue("kind", kind);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public sealed class TwoMonthsAhead : IAsyncLifetime
    {
        public SupervisionCluster System { get; } = new()
        {
            Silos = 1,
            SiloSettings = new() { ["Supervision:Evidence:PartitionMonthsAhead"] = "2" },
        };

        public Task InitializeAsync() => System.InitializeAsync();

        public Task DisposeAsync() => System.DisposeAsync();
    }
}
