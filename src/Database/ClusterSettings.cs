using System.Security.Cryptography;
using Npgsql;

namespace Supervision.Database;

/// <summary>
/// Settings shared by every process of the cluster, kept in the database. Each secret is created by the first
/// process to ask; the insert races harmlessly because the losers read back the winner's value.
/// </summary>
public static class ClusterSettings
{
    private const string TokenKeyName = "token_signing_key";
    private const string PersonKeySecretName = "person_key_secret";
    private const string BizCodeKeyName = "bizcode_signing_key";

    /// <summary>The key that signs access tokens.</summary>
    public static Task<byte[]> LoadOrCreateTokenKeyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        LoadOrCreateKeyAsync(dataSource, TokenKeyName, cancellationToken);

    /// <summary>The key that signs bizCodes: the silos sign with it, the fronts check with it.</summary>
    public static Task<byte[]> LoadOrCreateBizCodeKeyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        LoadOrCreateKeyAsync(dataSource, BizCodeKeyName, cancellationToken);

    /// <summary>
    /// The secret of person keys (PersonKeys). It must never change once a person is stored under it: every stored
    /// key would point at nobody. So it has no override in configuration, which could differ from one process to another.
    /// </summary>
    public static Task<byte[]> LoadOrCreatePersonKeySecretAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        LoadOrCreateKeyAsync(dataSource, PersonKeySecretName, cancellationToken);

    /// <summary>The same, for a silo's start-up, where services are built synchronously and the database has just answered the migration.</summary>
    public static byte[] LoadOrCreatePersonKeySecret(NpgsqlDataSource dataSource)
    {
        using var command = LoadOrCreate(dataSource, PersonKeySecretName);
        return Convert.FromHexString((string)command.ExecuteScalar()!);
    }

    private static async Task<byte[]> LoadOrCreateKeyAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        await using var command = LoadOrCreate(dataSource, name);
        return Convert.FromHexString((string)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    private static NpgsqlCommand LoadOrCreate(NpgsqlDataSource dataSource, string name)
    {
        var command = dataSource.CreateCommand(
            """
            INSERT INTO supervision_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING;
            SELECT value FROM supervision_settings WHERE key = @key;
            """);
        command.Parameters.AddWithValue("key", name);
        command.Parameters.AddWithValue("value", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        return command;
    }
}
