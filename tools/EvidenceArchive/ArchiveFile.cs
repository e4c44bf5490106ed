using System.IO.Compression;
using System.Security.Cryptography;

namespace Supervision.EvidenceArchive;

/// <summary>Reads an archive file back: its SHA-256 and the rows it holds.</summary>
public static class ArchiveFile
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>
    /// The rows in a gzip COPY text file: COPY text writes one line a row and escapes the newlines inside values, so
    /// rows are newlines. A file cut short or altered fails to decompress, which refuses it as well.
    /// </summary>
    public static async Task<long> RowsAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var buffer = new byte[1 << 16];
        long rows = 0;
        int read;
        while ((read = await gzip.ReadAsync(buffer, cancellationToken)) > 0)
        {
            rows += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return rows;
    }
}
