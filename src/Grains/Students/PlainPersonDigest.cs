using System.Security.Cryptography;
using System.Text;

namespace Supervision.Grains.Students;

/// <summary>
/// The person key of earlier releases: a plain SHA-256 of the ID number, which anyone can recompute and so reverse
/// by trying every plausible number. Kept only so <see cref="PersonKeyMigration"/> can recognise rows stored under it.
/// </summary>
public static class PlainPersonDigest
{
    public static string Of(string cardNo) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("student:" + cardNo.ToUpperInvariant())).AsSpan(0, 16));
}
