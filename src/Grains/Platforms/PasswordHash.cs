using System.Security.Cryptography;
using System.Text;

namespace Supervision.Grains.Platforms;

/// <summary>
/// Salted PBKDF2-SHA256 password hashes, stored as "pbkdf2-sha256$iterations$salt$hash" so the cost
/// can be raised later without invalidating stored hashes.
/// </summary>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 150_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly Lazy<string> Decoy = new(() => Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(HashBytes))));

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// Checks a password against a hash of nothing, at the cost of a real check: a login for an account that does
    /// not exist takes as long as one for an account that does, so the time of a refusal does not say which it was.
    /// </summary>
    public static void VerifyDecoy(string password) => Verify(password, Decoy.Value);

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
