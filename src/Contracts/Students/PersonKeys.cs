using System.Security.Cryptography;
using System.Text;

namespace Supervision.Contracts.Students;

/// <summary>
/// The key of a person's grain and of their rows (grain_state, check_photos): a keyed digest of the normalised ID
/// number. Orleans writes grain keys into its logs and directory, so an ID number must never be one; and a plain
/// hash would not do, because ID numbers are few enough (region, birth date, sequence) to hash them all. Without
/// the cluster's secret (supervision_settings) the key cannot be computed, so it cannot be reversed either.
/// </summary>
public sealed class PersonKeys
{
    /// <summary>Bytes of the secret; an HMAC-SHA256 key gains nothing past the hash's own 32.</summary>
    public const int SecretBytes = 32;

    private readonly byte[] secret;

    public PersonKeys(byte[] secret)
    {
        if (secret.Length < SecretBytes)
        {
            throw new ArgumentException($"The person-key secret must have at least {SecretBytes} bytes.", nameof(secret));
        }

        this.secret = (byte[])secret.Clone();
    }

    /// <summary>
    /// 32 hex digits (the first 128 bits of the HMAC): as long as the plain digest it replaces, and unguessable.
    /// A legacy 15-digit number has the key of its 18-digit form: one person, one grain.
    /// </summary>
    public string Of(string cardNo) => OfAsWritten(ResidentIdNumber.Normalize(cardNo));

    /// <summary>The key of the number exactly as written, as releases before 15-digit numbers were normalised keyed it: for migrations alone.</summary>
    public string OfAsWritten(string cardNo) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("student:" + cardNo.ToUpperInvariant())).AsSpan(0, 16));
}
