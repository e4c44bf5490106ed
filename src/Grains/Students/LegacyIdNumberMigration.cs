using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Supervision.Contracts;
using Supervision.Contracts.Students;
using Supervision.Database;

namespace Supervision.Grains.Students;

/// <summary>
/// Moves every person stored under a legacy 15-digit ID number to the key of its 18-digit form, where the same
/// person registered under the 18-digit form already is, if anywhere: the two rows become one person (records
/// merged by business platform), and the check photos follow. Like <see cref="PersonKeyMigration"/> it runs as a
/// silo starts, before any grain is activated, in one transaction under the schema migrations' lock, once; it
/// comes after that migration, so rows it moved from plain digests are seen here under their keyed digests.
/// </summary>
public sealed class LegacyIdNumberMigration(
    NpgsqlDataSource dataSource, PersonKeys keys, Serializer<StudentState> serializer, ILogger<LegacyIdNumberMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public const string Name = "650_legacy_id_numbers";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyIdNumberMigration), ServiceLifecycleStage.RuntimeInitialize + 1, async cancellationToken => await RunAsync(cancellationToken));

    /// <summary>How many people it moved (merged ones included); null when it had already run.</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken = default)
    {
        var moved = await CodeMigration.RunOnceAsync<int?>(dataSource, Name, async connection =>
        {
            var legacy = await ReadLegacyAsync(connection, cancellationToken);
            foreach (var (key, person) in legacy)
            {
                await MoveAsync(connection, key, person, cancellationToken);
            }

            return legacy.Count;
        }, cancellationToken);
        if (moved is not null)
        {
            logger.LogInformation("People stored under 15-digit ID numbers moved to their 18-digit form: {People}", moved);
        }

        return moved;
    }

    private async Task<List<(string Key, StudentState Person)>> ReadLegacyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var legacy = new List<(string, StudentState)>();
        await using var read = new NpgsqlCommand("SELECT key, payload FROM grain_state WHERE kind = 'student'", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (serializer.Deserialize(reader.GetFieldValue<byte[]>(1)) is { CardNo.Length: 15 } person && ResidentIdNumber.IsWellFormed(person.CardNo) && keys.Of(person.CardNo) != key)
            {
                legacy.Add((key, person));
            }
        }

        return legacy;
    }

    private async Task MoveAsync(NpgsqlConnection connection, string legacyKey, StudentState person, CancellationToken cancellationToken)
    {
        var normal = keys.Of(person.CardNo);
        person.FoldEarlierShape();
        person.CardNo = ResidentIdNumber.Normalize(person.CardNo);
        var merged = await ReadAsync(connection, normal, cancellationToken) is { } existing ? StudentStateMerge.Of(existing, person) : person;
        await ExecuteAsync(
            connection,
            """
            INSERT INTO grain_state (kind, key, version, payload, updated_at) VALUES ('student', @normal, 1, @payload, now())
            ON CONFLICT (kind, key) DO UPDATE SET version = grain_state.version + 1, payload = excluded.payload, updated_at = excluded.updated_at
            """,
            cancellationToken, ("normal", normal), ("payload", serializer.SerializeToArray(merged)));
        await ExecuteAsync(connection, "DELETE FROM grain_state WHERE kind = 'student' AND key = @legacy", cancellationToken, ("legacy", legacyKey));
        await ExecuteAsync(connection, "UPDATE check_photos SET student_key = @normal WHERE student_key = @legacy", cancellationToken, ("normal", normal), ("legacy", legacyKey));
    }

    private async Task<StudentState?> ReadAsync(NpgsqlConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT payload FROM grain_state WHERE kind = 'student' AND key = @key", connection);
        read.Parameters.AddWithValue("key", key);
        return await read.ExecuteScalarAsync(cancellationToken) is byte[] payload ? serializer.Deserialize(payload) : null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
