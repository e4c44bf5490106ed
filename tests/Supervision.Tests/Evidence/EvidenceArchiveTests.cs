using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Supervision.Database;
using Supervision.Database.Partitions;
using Supervision.EvidenceArchive;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The operator's archive command on a database of its own: a month goes out to files and comes back identical, a
/// corrupt file stops it before anything is dropped, and the current and recent months stay online.
/// </summary>
public sealed class EvidenceArchiveTests : IAsyncLifetime
{
    private static readonly EvidenceMonth Archived = EvidenceMonth.Parse("2025-01");
    private static readonly EvidenceMonth Next = EvidenceMonth.Parse("2025-02");

    // China time 2026-03-01 09:00: 2025-01 is fourteen months back, past the twelve kept online.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly string root = Directory.CreateTempSubdirectory("supervision-archive-").FullName;
    private string connectionString = "";
    private NpgsqlDataSource dataSource = null!;
    private MonthArchive archive = null!;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.Instance.CreateDatabaseAsync();
        await SchemaMigrator.MigrateAsync(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
        archive = new MonthArchive(dataSource, root, new RetentionRule(RetentionRule.DefaultOnlineMonths), clock);
        await using var connection = await dataSource.OpenConnectionAsync();
        await MonthlyPartitions.EnsureAsync(connection, Archived, monthsAhead: 1);
        await WriteEvidenceAsync(connection);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task An_archived_month_leaves_the_database_and_a_restore_brings_back_the_very_same_rows()
    {
        var before = await RowsAsync(Archived);
        var nextBefore = await RowsAsync(Next);
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var seal = new NpgsqlCommand(
            """
            INSERT INTO evidence_seals VALUES ('2025-01-31', '{}', '\x01', '\x02', '\x03', '2025-02-01T00:10:00+08:00'), ('2025-02-01', '{}', '\x01', '\x02', '\x03', '2025-02-02T00:10:00+08:00');
            INSERT INTO evidence_seal_groups VALUES ('2025-01-31', 'c1', 0, '{}'), ('2025-01-31', 'c2', 1, '{}');
            """, connection))
        {
            await seal.ExecuteNonQueryAsync();
        }

        var manifest = await archive.ArchiveAsync(Archived, TextWriter.Null);

        Assert.Equal([("anomalies", 2L), ("evidence_events", 4L), ("study_reports", 2L)], manifest.Tables.Select(t => (t.Table, t.Rows)).Order());
        Assert.Equal(0, await AttachedAsync(Archived));
        Assert.Empty(await RowsAsync(Archived));
        Assert.Equal(nextBefore, await RowsAsync(Next));
        var folder = ArchiveManifest.FolderOf(root, Archived);
        Assert.True(File.Exists(Path.Combine(folder, "evidence_events.copy.gz")));
        Assert.Contains($"{manifest.Tables.Single(t => t.Table == "anomalies").Sha256}  anomalies.copy.gz", await File.ReadAllLinesAsync(Path.Combine(folder, "SHA256SUMS")));
        // The month's seals are archived with it, and kept in the database, where the next seals chain on them.
        Assert.Equal([("evidence_seals", 1L), ("evidence_seal_groups", 2L)], manifest.Seals!.Select(t => (t.Table, t.Rows)));
        Assert.Contains($"{manifest.Seals![0].Sha256}  evidence_seals.copy.gz", await File.ReadAllLinesAsync(Path.Combine(folder, "SHA256SUMS")));
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var kept = new NpgsqlCommand("SELECT count(*) FROM evidence_seals", connection))
        {
            Assert.Equal(2L, await kept.ExecuteScalarAsync());
        }

        await archive.RestoreAsync(Archived, TextWriter.Null);

        Assert.Equal(PartitionedTables.All.Count, await AttachedAsync(Archived));
        Assert.Equal(before, await RowsAsync(Archived));
        Assert.Equal(nextBefore, await RowsAsync(Next));
        var again = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.RestoreAsync(Archived, TextWriter.Null));
        Assert.Contains("already in the database", again.Message);
    }

    [Fact]
    public async Task A_corrupted_archive_file_is_refused_by_verify_and_drop_and_nothing_is_dropped()
    {
        var before = await RowsAsync(Archived);
        await archive.ExportAsync(Archived, TextWriter.Null);
        var file = Path.Combine(ArchiveManifest.FolderOf(root, Archived), "evidence_events.copy.gz");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(file, bytes);

        var verify = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.VerifyAsync(Archived, TextWriter.Null));
        var drop = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.DropAsync(Archived, TextWriter.Null));

        Assert.Contains("evidence_events.copy.gz is corrupt", verify.Message);
        Assert.Contains("evidence_events.copy.gz is corrupt", drop.Message);
        Assert.Equal(PartitionedTables.All.Count, await AttachedAsync(Archived));
        Assert.Equal(before, await RowsAsync(Archived));
    }

    [Fact]
    public async Task A_month_that_gained_rows_after_its_export_is_not_dropped()
    {
        await archive.ExportAsync(Archived, TextWriter.Null);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await InsertEventAsync(connection, Archived.Start.AddDays(3), "late");
        }

        var refused = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.DropAsync(Archived, TextWriter.Null));

        Assert.Contains("evidence_events_2025_01 holds 5 rows, the archive 4", refused.Message);
        Assert.Equal(PartitionedTables.All.Count, await AttachedAsync(Archived));
    }

    [Fact]
    public async Task The_current_month_and_months_younger_than_the_retention_rule_are_refused_before_anything_is_written()
    {
        var current = EvidenceMonth.Of(clock.GetUtcNow());
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await MonthlyPartitions.EnsureAsync(connection, current.AddMonths(-11), monthsAhead: 11);
        }

        var now = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.ArchiveAsync(current, TextWriter.Null));
        var recent = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.ArchiveAsync(current.AddMonths(-11), TextWriter.Null));
        var ahead = await Assert.ThrowsAsync<ArchiveRefusedException>(() => archive.DropAsync(current.AddMonths(1), TextWriter.Null));

        Assert.Equal("2026-03 is the current month: its evidence is still being written.", now.Message);
        Assert.Contains("evidence stays online for 12 months, so 2025-03 is the newest month that may be archived", recent.Message);
        Assert.Contains("has not ended yet", ahead.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        await using var check = await dataSource.OpenConnectionAsync();
        Assert.True(await MonthlyPartitions.IsAttachedAsync(check, "evidence_events", current.PartitionOf("evidence_events")));
        Assert.True(await MonthlyPartitions.IsAttachedAsync(check, "evidence_events", current.AddMonths(-11).PartitionOf("evidence_events")));
    }

    [Theory]
    [InlineData(new[] { "archive", "--month", "2025-13", "--dir", "x", "--db", "Host=h" }, "'2025-13' is not a month")]
    [InlineData(new[] { "shred", "--month", "2025-01" }, "'shred' is not a command")]
    [InlineData(new[] { "verify", "--month", "2025-01", "--db", "Host=h" }, "--dir is required")]
    [InlineData(new[] { "verify", "--month", "2025-01", "--dir", "x", "--db", "Host=h", "--online-months", "0" }, "not a whole number from 1 to 1200")]
    public void Bad_arguments_get_a_clear_error(string[] arguments, string error)
    {
        var refused = Assert.Throws<FormatException>(() => ArchiveCommand.Parse(arguments, _ => null));
        Assert.Contains(error, refused.Message);
    }

    /// <summary>Four evidence rows and two anomalies in the archived month, at its very edges too, and one of each in the next month.</summary>
    private static async Task WriteEvidenceAsync(NpgsqlConnection connection)
    {
        await InsertEventAsync(connection, Archived.Start, "first instant");
        await InsertEventAsync(connection, Archived.Start.AddDays(10), "tab\there, newline\nthere, backslash \\ and 张三");
        await InsertEventAsync(connection, Archived.Start.AddDays(20), null);
        await InsertEventAsync(connection, Archived.End.AddTicks(-10), "last microsecond");
        await InsertEventAsync(connection, Next.Start, "next month");
        foreach (var at in new[] { Archived.Start.AddHours(1), Archived.End.AddMinutes(-1), Next.Start.AddHours(1) })
        {
            await using var anomaly = new NpgsqlCommand(
                "INSERT INTO anomalies (at, kind, class_code, student_user_code, card_no, details) VALUES (@at, 'progress_ahead_of_clock', 'C1', 'S1', '11010519491231002X', '{\"ahead\": 30}')",
                connection);
            anomaly.Parameters.AddWithValue("at", at);
            await anomaly.ExecuteNonQueryAsync();
        }

        foreach (var (at, clientTimestamp) in new[] { (Archived.Start.AddMinutes(5), (long?)1772326200000), (Archived.End.AddSeconds(-1), null), (Next.Start.AddMinutes(5), null) })
        {
            await using var report = new NpgsqlCommand(
                """
                INSERT INTO study_reports (at, client_timestamp, session_id, version, play_time, progress_time, credited, accepted, bank, outcome, past_due, flags)
                VALUES (@at, @timestamp, gen_random_uuid(), 7, 360, 60, 60, 60, -2, 0, 0, 1)
                """, connection);
            report.Parameters.AddWithValue("at", at);
            report.Parameters.AddWithValue("timestamp", (object?)clientTimestamp ?? DBNull.Value);
            await report.ExecuteNonQueryAsync();
        }
    }

    private static async Task InsertEventAsync(NpgsqlConnection connection, DateTimeOffset at, string? note)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO evidence_events (at, kind, class_code, student_user_code, card_no, res_code, session_id, outcome, credited, play_time, details)
            VALUES (@at, 'report', 'C1', 'S1', '11010519491231002X', 'R1', gen_random_uuid(), '0', 60, 600, jsonb_build_object('note', @note::text))
            """, connection);
        insert.Parameters.AddWithValue("at", at);
        insert.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of the month in both tables, whole, as PostgreSQL prints it.</summary>
    private async Task<List<string>> RowsAsync(EvidenceMonth month)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT 'evidence_events ' || e::text FROM evidence_events e WHERE at >= @from AND at < @to
            UNION ALL SELECT 'anomalies ' || a::text FROM anomalies a WHERE at >= @from AND at < @to
            UNION ALL SELECT 'study_reports ' || r::text FROM study_reports r WHERE at >= @from AND at < @to
            ORDER BY 1
            """);
        command.Parameters.AddWithValue("from", month.Start);
        command.Parameters.AddWithValue("to", month.End);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>How many of the partitioned tables have the month online.</summary>
    private async Task<int> AttachedAsync(EvidenceMonth month)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var attached = 0;
        foreach (var table in PartitionedTables.All)
        {
            attached += await MonthlyPartitions.IsAttachedAsync(connection, table, month.PartitionOf(table)) ? 1 : 0;
        }

        return attached;
    }
}
