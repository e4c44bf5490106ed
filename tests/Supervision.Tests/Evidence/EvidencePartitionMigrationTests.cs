using Npgsql;
using static Supervision.Tests.Infrastructure.MigrationScripts;

namespace Supervision.Tests.Evidence;

/// <summary>The migration that partitions the evidence tables keeps every row of a database that ran without partitions.</summary>
public sealed class EvidencePartitionMigrationTests
{
    [Fact]
    public async Task Existing_evidence_and_anomalies_move_into_partitions_of_their_china_months_with_their_ids_and_the_sequences_go_on()
    {
        var connectionString = await Infrastructure.PostgresServer.Instance.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Script("200_evidence.sql"));
        await ExecuteAsync(connection, """
            INSERT INTO evidence_events (at, kind, outcome) VALUES
                ('2026-01-31 15:59:59+00', 'report', '0'),   -- 23:59:59 on 31 January in China
                ('2026-01-31 16:00:00+00', 'report', '0'),   -- midnight, 1 February in China
                ('2026-03-15 12:00:00+00', 'report', '1501');
            INSERT INTO anomalies (at, kind, details) VALUES ('2025-12-01 00:00:00+00', 'progress_ahead_of_clock', '{}');
            """);

        await ExecuteAsync(connection, Script("600_evidence_partitions.sql"));

        Assert.Equal(
            ["1 evidence_events_2026_01", "2 evidence_events_2026_02", "3 evidence_events_2026_03"],
            await ColumnAsync(connection, "SELECT id || ' ' || tableoid::regclass FROM evidence_events ORDER BY id"));
        Assert.Equal(["1 anomalies_2025_12"], await ColumnAsync(connection, "SELECT id || ' ' || tableoid::regclass FROM anomalies"));
        Assert.Equal(["4 evidence_events_default"],
            await ColumnAsync(connection, "INSERT INTO evidence_events (at, kind, outcome) VALUES ('2031-01-01', 'report', '0') RETURNING id || ' ' || tableoid::regclass"));
    }
}
