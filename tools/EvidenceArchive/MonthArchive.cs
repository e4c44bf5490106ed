using System.IO.Compression;
using System.Text;
using Npgsql;
using Supervision.Database.Partitions;

namespace Supervision.EvidenceArchive;

/// <summary>
/// Takes one month of every partitioned table out of the database into files, and back. Exporting writes the files
/// and their manifest; dropping verifies them again (checksums and rows, against the manifest and the partitions)
/// before it detaches and drops anything; restoring verifies them, then copies them back into new partitions.
/// </summary>
public sealed class MonthArchive(NpgsqlDataSource dataSource, string root, RetentionRule retention, TimeProvider time)
{
    private EvidenceMonth Current => EvidenceMonth.Of(time.GetUtcNow());

    /// <summary>Exports, verifies, then detaches and drops the month.</summary>
    public async Task<ArchiveManifest> ArchiveAsync(EvidenceMonth month, TextWriter report, CancellationToken cancellationToken = default)
    {
        await ExportAsync(month, report, cancellationToken);
        return await DropAsync(month, report, cancellationToken);
    }

    public async Task<ArchiveManifest> ExportAsync(EvidenceMonth month, TextWriter report, CancellationToken cancellationToken = default)
    {
        retention.Allow(month, Current);
        var folder = ArchiveManifest.FolderOf(root, month);
        if (File.Exists(Path.Combine(folder, ArchiveManifest.FileName)))
            throw new ArchiveRefusedException($"{folder} already holds an archive of {month}; move it away to export the month again.");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var online = new List<string>();
        foreach (var table in PartitionedTables.All)
        {
            if (await MonthlyPartitions.IsAttachedAsync(connection, table, month.PartitionOf(table), cancellationToken))
                online.Add(table);
        }

        if (online.Count == 0)
            throw new ArchiveRefusedException($"{month} has no partition in the database (already archived, or never created).");
        Directory.CreateDirectory(folder);
        var tables = new List<ArchivedTable>();
        foreach (var table in online)
        {
            var partition = month.PartitionOf(table);
            var columns = await ColumnsAsync(connection, table, cancellationToken);
            var file = $"{table}.copy.gz";
            var path = Path.Combine(folder, file);
            await CopyOutAsync(connection, $"COPY {partition} ({string.Join(", ", columns)}) TO STDOUT", path, cancellationToken);
            var archived = new ArchivedTable(table, partition, file, columns, await ArchiveFile.RowsAsync(path, cancellationToken), await ArchiveFile.Sha256Async(path, cancellationToken));
            tables.Add(archived);
            await report.WriteLineAsync($"exported {partition}: {archived.Rows} rows to {path} (sha256 {archived.Sha256})");
        }

        // The month's seals go with its evidence, so that the archive alone still verifies; they also stay in the
        // database, where the next seals chain on them.
        var seals = new List<ArchivedTable>();
        foreach (var (table, columns, rows) in SealTables(month))
        {
            var file = $"{table}.copy.gz";
            var path = Path.Combine(folder, file);
            await CopyOutAsync(connection, $"COPY (SELECT {columns} FROM {table} WHERE {rows}) TO STDOUT", path, cancellationToken);
            seals.Add(new ArchivedTable(table, table, file, columns.Split(", "), await ArchiveFile.RowsAsync(path, cancellationToken), await ArchiveFile.Sha256Async(path, cancellationToken)));
            await report.WriteLineAsync($"exported the seals of {month} ({table}): {seals[^1].Rows} rows to {path}");
        }

        var manifest = new ArchiveManifest(month.ToString(), month.Start, month.End, time.GetUtcNow(), ArchiveManifest.CopyFormat, tables, seals);
        await manifest.WriteAsync(folder);
        return manifest;
    }

    /// <summary>Checks the month's files against their manifest and, for each partition still online, its rows against the manifest's.</summary>
    public async Task<ArchiveManifest> VerifyAsync(EvidenceMonth month, TextWriter report, CancellationToken cancellationToken = default)
    {
        var manifest = await VerifyFilesAsync(month, report, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in manifest.Tables)
        {
            if (await MonthlyPartitions.IsAttachedAsync(connection, table.Table, table.Partition, cancellationToken))
            {
                await VerifyPartitionAsync(connection, table, cancellationToken);
                await report.WriteLineAsync($"verified {table.Partition} in the database: {table.Rows} rows, as archived");
            }
        }

        return manifest;
    }

    /// <summary>Verifies the archive of the month, then detaches and drops its partitions, all in one transaction.</summary>
    public async Task<ArchiveManifest> DropAsync(EvidenceMonth month, TextWriter report, CancellationToken cancellationToken = default)
    {
        retention.Allow(month, Current);
        var manifest = await VerifyFilesAsync(month, report, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in PartitionedTables.All.Where(t => manifest.Tables.All(a => a.Table != t)))
        {
            if (await MonthlyPartitions.IsAttachedAsync(connection, table, month.PartitionOf(table), cancellationToken))
                throw new ArchiveRefusedException($"{month.PartitionOf(table)} is online but not in the archive of {month}; export the month again into an empty folder.");
        }

        foreach (var table in manifest.Tables)
        {
            if (!await MonthlyPartitions.IsAttachedAsync(connection, table.Table, table.Partition, cancellationToken))
                throw new ArchiveRefusedException($"{table.Partition} is not in the database: {month} is already archived.");

            // A share lock until the drop: no row can arrive after this count, and reads go on while it counts.
            await ExecuteAsync(connection, $"LOCK TABLE {table.Partition} IN SHARE MODE", cancellationToken);
            await VerifyPartitionAsync(connection, table, cancellationToken);
        }

        // Counting a month takes minutes; only then the maintenance lock, so silos starting meanwhile are not held up.
        await MonthlyPartitions.LockAsync(connection, cancellationToken);

        // Detaching locks the whole table against reads and writes until the commit: only now, and only briefly.
        foreach (var table in manifest.Tables)
        {
            if (!await MonthlyPartitions.IsAttachedAsync(connection, table.Table, table.Partition, cancellationToken))
                throw new ArchiveRefusedException($"{table.Partition} was dropped by another command meanwhile.");
            await ExecuteAsync(connection, $"ALTER TABLE {table.Table} DETACH PARTITION {table.Partition}", cancellationToken);
            await ExecuteAsync(connection, $"DROP TABLE {table.Partition}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var table in manifest.Tables)
        {
            await report.WriteLineAsync($"dropped {table.Partition} ({table.Rows} rows, archived in {ArchiveManifest.FolderOf(root, month)})");
        }

        return manifest;
    }

    /// <summary>
    /// Verifies the month's files, copies each into a table of its own beside the live ones, then attaches them all
    /// as the month's partitions in one transaction: a restore that fails leaves the month as it was.
    /// </summary>
    public async Task<ArchiveManifest> RestoreAsync(EvidenceMonth month, TextWriter report, CancellationToken cancellationToken = default)
    {
        var manifest = await VerifyFilesAsync(month, report, cancellationToken);
        var folder = ArchiveManifest.FolderOf(root, month);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in manifest.Tables)
        {
            if (await MonthlyPartitions.IsAttachedAsync(connection, table.Table, table.Partition, cancellationToken))
                throw new ArchiveRefusedException($"{table.Partition} is already in the database; restoring {month} would double its rows.");
        }

        try
        {
            foreach (var table in manifest.Tables)
            {
                var staging = Staging(table);
                await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {staging}", cancellationToken);
                await MonthlyPartitions.CreateDetachedAsync(connection, table.Table, month, staging, cancellationToken);
                await CopyInAsync(connection, Path.Combine(folder, table.File), staging, table.Columns, cancellationToken);
                var restored = await CountAsync(connection, staging, cancellationToken);
                if (restored != table.Rows)
                    throw new ArchiveRefusedException($"{table.File} restored {restored} rows, the manifest says {table.Rows}; nothing was restored.");
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await MonthlyPartitions.LockAsync(connection, cancellationToken);
            foreach (var table in manifest.Tables)
            {
                // The silo may have made the month ahead again, empty, meanwhile; rows of it would be refused above.
                if (await MonthlyPartitions.IsAttachedAsync(connection, table.Table, table.Partition, cancellationToken))
                    throw new ArchiveRefusedException($"{table.Partition} appeared in the database during the restore; nothing was restored.");

                // Rows of the month that reached the default partition since the archive move into the restored partition.
                await MonthlyPartitions.AttachAsync(connection, table.Table, month, Staging(table), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            foreach (var table in manifest.Tables)
            {
                await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Staging(table)}", CancellationToken.None);
            }

            throw;
        }

        foreach (var table in manifest.Tables)
        {
            await report.WriteLineAsync($"restored {table.Partition}: {table.Rows} rows");
        }

        return manifest;
    }

    /// <summary>The seal tables, their columns and the month's rows of each (a seal's day is a China day).</summary>
    private static IEnumerable<(string Table, string Columns, string Rows)> SealTables(EvidenceMonth month)
    {
        var days = $"day >= '{month.Year:D4}-{month.Month:D2}-01' AND day < '{month.AddMonths(1).Year:D4}-{month.AddMonths(1).Month:D2}-01'";
        yield return ("evidence_seals", "day, body, hash, signature, public_key, sealed_at", days + " ORDER BY day");
        yield return ("evidence_seal_groups", "day, class_code, leaf_index, leaf", days + " ORDER BY day, leaf_index");
    }

    private static async Task CopyOutAsync(NpgsqlConnection connection, string copy, string path, CancellationToken cancellationToken)
    {
        await using var output = File.Create(path);
        await using var gzip = new GZipStream(output, CompressionLevel.Optimal);
        await using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        using var reader = await connection.BeginTextExportAsync(copy, cancellationToken);
        var buffer = new char[1 << 15];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>Where a month's rows wait until they are attached: a name no partition ever has.</summary>
    private static string Staging(ArchivedTable table) => table.Partition + "_restoring";

    private static async Task CopyInAsync(NpgsqlConnection connection, string path, string into, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(path);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false));
        await using var copy = await connection.BeginTextImportAsync($"COPY {into} ({string.Join(", ", columns)}) FROM STDIN", cancellationToken);
        var buffer = new char[1 << 15];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private async Task<ArchiveManifest> VerifyFilesAsync(EvidenceMonth month, TextWriter report, CancellationToken cancellationToken)
    {
        var folder = ArchiveManifest.FolderOf(root, month);
        var manifest = await ArchiveManifest.ReadAsync(folder, month);
        foreach (var table in manifest.Tables.Concat(manifest.Seals ?? []))
        {
            var path = Path.Combine(folder, table.File);
            if (!File.Exists(path))
                throw new ArchiveRefusedException($"{path} is missing.");
            var sha256 = await ArchiveFile.Sha256Async(path, cancellationToken);
            if (!string.Equals(sha256, table.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ArchiveRefusedException($"{path} is corrupt: its SHA-256 is {sha256}, the manifest says {table.Sha256}.");
            long rows;
            try
            {
                rows = await ArchiveFile.RowsAsync(path, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new ArchiveRefusedException($"{path} is corrupt: it does not decompress ({e.Message}).");
            }

            if (rows != table.Rows)
                throw new ArchiveRefusedException($"{path} holds {rows} rows, the manifest says {table.Rows}.");
            await report.WriteLineAsync($"verified {path}: {rows} rows, sha256 {sha256}");
        }

        return manifest;
    }

    private static async Task VerifyPartitionAsync(NpgsqlConnection connection, ArchivedTable table, CancellationToken cancellationToken)
    {
        var rows = await CountAsync(connection, table.Partition, cancellationToken);
        if (rows != table.Rows)
            throw new ArchiveRefusedException($"{table.Partition} holds {rows} rows, the archive {table.Rows}; export the month again into an empty folder.");
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT attname FROM pg_attribute WHERE attrelid = @table::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum", connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string partition, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {partition}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
