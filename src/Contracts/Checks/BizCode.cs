using System.Security.Cryptography;

namespace Supervision.Contracts.Checks;

/// <summary>
/// A bizCode: 32 lowercase hex digits, the shape a Guid in "N" form always gave it, made of 10 random bytes and the
/// first 6 bytes of their HMAC-SHA256 under the cluster's bizCode key. The picture endpoint takes no token, so it
/// checks the signature before touching the cluster: a guessed bizCode activates no grain and reads no row, and
/// forging one takes about 2^47 tries, far beyond the per-address limits.
/// </summary>
public static class BizCode
{
    public const int Length = 32;
    private const int RandomBytes = 10;
    private const int SignatureBytes = 6;

    public static string Create(byte[] key)
    {
        var code = new byte[RandomBytes + SignatureBytes];
        RandomNumberGenerator.Fill(code.AsSpan(0, RandomBytes));
        Sign(key, code.AsSpan(0, RandomBytes), code.AsSpan(RandomBytes));
        return Convert.ToHexStringLower(code);
    }

    public static bool HasShape(string text) => text.Length == Length && text.All(char.IsAsciiHexDigitLower);

    /// <summary>Whether a code of the right shape was signed under the key.</summary>
    public static bool IsSigned(string text, byte[] key)
    {
        var code = Convert.FromHexString(text);
        Span<byte> expected = stackalloc byte[SignatureBytes];
        Sign(key, code.AsSpan(0, RandomBytes), expected);
        return CryptographicOperations.FixedTimeEquals(expected, code.AsSpan(RandomBytes));
    }

    private static void Sign(byte[] key, ReadOnlySpan<byte> random, Span<byte> signature)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, random, mac);
        mac[..signature.Length].CopyTo(signature);
    }
}
