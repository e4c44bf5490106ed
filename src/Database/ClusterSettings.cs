using System.Security.Cryptography;
using Npgsql;

namespace Supervision.Database;

/// <summary>Settings shared by every process of the cluster, kept in the database.</summary>
public static class ClusterSettings
{
    private const string TokenKeyName = "token_signing_key";
    private const string BizCodeKeyName = "bizcode_signing_key";

    /// <summary>The key that signs access tokens.</summary>
    public static Task<byte[]> LoadOrCreateTokenKeyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        LoadOrCreateKeyAsync(dataSource, TokenKeyName, cancellationToken);

    /// <summary>The key that signs bizCodes: the silos sign with it, the fronts check with it.</summary>
    public static Task<byte[]> LoadOrCreateBizCodeKeyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        LoadOrCreateKeyAsync(dataSource, BizCodeKeyName, cancellationToken);

    /// <summary>
    /// 32 random bytes under a name. The first process to ask creates them; the insert races harmlessly because the
    /// losers read back the winner's key.
    /// </summary>
    private static async Task<byte[]> LoadOrCreateKeyAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO supervision_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING;
            SELECT value FROM supervision_settings WHERE key = @key;
            """);
        command.Parameters.AddWithValue("key", name);
        command.Parameters.AddWithValue("value", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        var value = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Convert.FromHexString(value);
    }
}
