using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Supervision.Contracts;
using Supervision.Database;
using Supervision.Grains.Evidence;
using Supervision.Grains.Study;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The ledger's group commit on a real database: a batch goes in one round trip, yet a write that lost its version
/// check still fails alone while the rest of its batch commits; and each ledger writer adds to aggregate rows of its
/// own, whose sum is every commit's.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 30, TimeSpan.Zero);
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await Infrastructure.PostgresServer.Instance.CreateDatabaseAsync();
        await SchemaMigrator.MigrateAsync(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task A_write_that_lost_its_version_check_fails_alone_and_the_rest_of_its_batch_commits()
    {
        await using var ledger = NewLedger();
        await ledger.CommitAsync(Write("a", expected: 0, marker: "first"));

        // Queued together, so they most likely share a batch: the stale write was drafted on version 0 of "a", which
        // is at 1 now; the other two are fresh.
        var stale = ledger.CommitAsync(Write("a", expected: 0, marker: "stale")).AsTask();
        var fresh = new[] { ledger.CommitAsync(Write("b", expected: 0, marker: "fresh-b")).AsTask(), ledger.CommitAsync(Write("c", expected: 0, marker: "fresh-c")).AsTask() };

        await Assert.ThrowsAsync<VersionConflictException>(() => stale);
        await Task.WhenAll(fresh);
        Assert.Equal(["first", "fresh-b", "fresh-c"], await TextsAsync("SELECT class_code FROM evidence_events ORDER BY class_code"));
        Assert.Equal(["a 1", "b 1", "c 1"], await TextsAsync("SELECT key || ' ' || version FROM grain_versions WHERE kind = 'test' ORDER BY key"));
    }

    [Fact]
    public async Task Two_writers_add_to_rows_of_their_own_and_their_sum_is_every_report()
    {
        await using var one = NewLedger();
        await using var other = NewLedger();

        await one.CommitAsync(Write("a", expected: 0, marker: "one") with { Rows = [Activity(reports: 2, credited: 60)] });
        await other.CommitAsync(Write("b", expected: 0, marker: "other") with { Rows = [Activity(reports: 3, credited: 90)] });
        await one.CommitAsync(Write("a", expected: 1, marker: "one again") with { Rows = [Activity(reports: 1, credited: 30)] });

        // A row per writer that added to the minute: each ledger's writers are others', so at least two rows.
        var (rows, writers) = await CountsAsync("SELECT count(*), count(DISTINCT writer) FROM activity_by_minute WHERE platform_code = 'lp'");
        Assert.Equal(rows, writers);
        Assert.InRange(rows, 2, 4);
        Assert.Equal(["6 180"], await TextsAsync("SELECT sum(reports) || ' ' || sum(credited) FROM activity_by_minute WHERE platform_code = 'lp'"));
        Assert.Equal(["6 180"], await TextsAsync("SELECT sum(reports) || ' ' || sum(credited) FROM credit_by_day WHERE class_code = 'C1'"));
    }

    private EvidenceLedger NewLedger() =>
        new(dataSource, new SupervisionMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<EvidenceLedger>.Instance);

    /// <summary>A write of grain ("test", <paramref name="key"/>) with one event whose class code marks it.</summary>
    private static LedgerWrite Write(string key, long expected, string marker) =>
        new(new VersionStep("test", key, expected, expected + 1, Now), null, [EvidenceEvent.SessionResumed(Now) with { ClassCode = marker }], []);

    private static LedgerRows Activity(int reports, int credited) =>
        new(StudyActivityTable.Instance, [new StudyActivity(Now, "C1", "lp", reports, credited, NewLearnerMinute: false)]);

    private async Task<(long, long)> CountsAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<List<string>> TextsAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
