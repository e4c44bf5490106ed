using System.Security.Cryptography;
using System.Text;

namespace Supervision.Contracts.Students;

/// <summary>
/// Student grains are keyed by a digest of the ID number, not the number itself: Orleans writes grain ids
/// into its logs and its directory, and an ID number must never appear there in clear.
/// </summary>
public static class StudentKey
{
    public static string Of(string cardNo) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("student:" + cardNo.ToUpperInvariant())).AsSpan(0, 16));
}
