using System.Security.Cryptography;
using Npgsql;

namespace Supervision.Database;

/// <summary>Settings shared by every process of the cluster, kept in the database.</summary>
public static class ClusterSettings
{
    private const string TokenKeyName = "token_signing_key";

    /// <summary>
    /// The key that signs access tokens. The first process to ask creates it; the insert races
    /// harmlessly because the losers read back the winner's key.
    /// </summary>
    public static async Task<byte[]> LoadOrCreateTokenKeyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO supervision_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING;
            SELECT value FROM supervision_settings WHERE key = @key;
            """);
        command.Parameters.AddWithValue("key", TokenKeyName);
        command.Parameters.AddWithValue("value", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        var value = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Convert.FromHexString(value);
    }
}
