namespace Supervision.EvidenceArchive;

/// <summary>One table's month in an archive: its file (PostgreSQL COPY text, gzip), the columns in file order, its rows and the file's SHA-256.</summary>
public sealed record ArchivedTable(string Table, string Partition, string File, IReadOnlyList<string> Columns, long Rows, string Sha256);
