using System.Text.Json;
using Supervision.Database.Partitions;

namespace Supervision.EvidenceArchive;

/// <summary>
/// What an archived month holds, written beside its files as manifest.json. The columns are named, so a month
/// archived today restores into a schema that has since gained columns.
/// </summary>
/// <param name="Seals">The month's evidence seals (docs/evidence-export.md); none in archives made before seals existed.</param>
public sealed record ArchiveManifest(string Month, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ExportedAt, string Format, IReadOnlyList<ArchivedTable> Tables,
    IReadOnlyList<ArchivedTable>? Seals = null)
{
    private static readonly string[] SealTables = ["evidence_seals", "evidence_seal_groups"];

    public const string FileName = "manifest.json";

    public const string CopyFormat = "postgresql-copy-text-gzip";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The folder of <paramref name="month"/> under an archive root: one folder a month.</summary>
    public static string FolderOf(string root, EvidenceMonth month) => Path.Combine(root, month.ToString());

    public static async Task<ArchiveManifest> ReadAsync(string folder, EvidenceMonth month)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new ArchiveRefusedException($"{path} does not exist: {month} has no archive there.");
        ArchiveManifest? manifest;
        try
        {
            await using var stream = File.OpenRead(path);
            manifest = await JsonSerializer.DeserializeAsync<ArchiveManifest>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new ArchiveRefusedException($"{path} is not a readable manifest ({e.Message}).");
        }

        if (manifest is null || manifest.Month != month.ToString() || manifest.Format != CopyFormat || manifest.Tables is null)
            throw new ArchiveRefusedException($"{path} is not the manifest of {month} in {CopyFormat}.");
        foreach (var table in manifest.Tables)
        {
            // The manifest names tables and files that go into SQL and paths: only known tables, files inside the folder.
            if (!PartitionedTables.All.Contains(table.Table) || table.Partition != month.PartitionOf(table.Table)
                || Path.GetFileName(table.File) != table.File || table.Columns is not { Count: > 0 } || table.Columns.Any(c => !IsColumnName(c)))
                throw new ArchiveRefusedException($"{path} names a table, file or column that is not this month's.");
        }

        if ((manifest.Seals ?? []).Any(s => !SealTables.Contains(s.Table) || s.File != s.Table + ".copy.gz"))
            throw new ArchiveRefusedException($"{path} names a seal file that is not this month's.");
        return manifest;
    }

    public async Task WriteAsync(string folder)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

        // The same checksums in sha256sum's format, so an auditor can check the files without this tool.
        await File.WriteAllLinesAsync(Path.Combine(folder, "SHA256SUMS"), Tables.Concat(Seals ?? []).Select(t => $"{t.Sha256}  {t.File}"));
    }

    private static bool IsColumnName(string name) => name is { Length: > 0 and < 64 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
