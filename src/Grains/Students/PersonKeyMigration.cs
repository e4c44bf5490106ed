using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization;
using Supervision.Contracts.Students;
using Supervision.Database;

namespace Supervision.Grains.Students;

/// <summary>
/// Moves every person stored under the plain digest of earlier releases (<see cref="PlainPersonDigest"/>) to their
/// keyed one (<see cref="PersonKeys"/>): the student rows of grain_state and the check_photos rows. Only .NET can
/// read the ID number inside a student's payload, so this is a migration in code. It runs as a silo starts, before
/// any grain is activated, in one transaction under the schema migrations' lock, and records itself in
/// supervision_schema_migrations, so it runs once however many silos start at once.
/// </summary>
public sealed class PersonKeyMigration(
    NpgsqlDataSource dataSource, PersonKeys keys, Serializer<StudentState> serializer, ILogger<PersonKeyMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public const string Name = "600_keyed_person_keys";
    private const string StudentKind = "student";
    private const int Chunk = 10_000;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PersonKeyMigration), ServiceLifecycleStage.RuntimeInitialize, async cancellationToken => await RunAsync(cancellationToken));

    /// <summary>What it moved; null when it had already run.</summary>
    public async Task<PersonKeyMigrationResult?> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await CodeMigration.RunOnceAsync(dataSource, Name, async connection =>
        {
            var (moves, unmatched) = await ReadMovesAsync(connection, cancellationToken);
            var students = 0;
            var photos = 0;
            foreach (var chunk in moves.Chunk(Chunk))
            {
                students += await MoveAsync(connection, "UPDATE grain_state g SET key = m.keyed FROM unnest(@plain, @keyed) m(plain, keyed) WHERE g.kind = 'student' AND g.key = m.plain", chunk, cancellationToken);
                photos += await MoveAsync(connection, "UPDATE check_photos p SET student_key = m.keyed FROM unnest(@plain, @keyed) m(plain, keyed) WHERE p.student_key = m.plain", chunk, cancellationToken);
            }

            return new PersonKeyMigrationResult(students, photos, unmatched);
        }, cancellationToken);
        if (result is not null)
        {
            logger.LogInformation("Person keys now keyed digests: {Students} students and {Photos} check photos moved; {Unmatched} student rows left as they were (their key is not the plain digest of the ID number they hold)",
                result.Students, result.CheckPhotos, result.Unmatched);
        }

        return result;
    }

    /// <summary>Each student stored under the plain digest of the ID number in its payload; a row under any other key is counted and left alone.</summary>
    private async Task<(List<(string Plain, string Keyed)> Moves, int Unmatched)> ReadMovesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var moves = new List<(string, string)>();
        var unmatched = 0;
        await using var read = new NpgsqlCommand("SELECT key, payload FROM grain_state WHERE kind = @kind", connection);
        read.Parameters.AddWithValue("kind", StudentKind);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            var cardNo = serializer.Deserialize(reader.GetFieldValue<byte[]>(1))?.CardNo;
            if (string.IsNullOrEmpty(cardNo) || PlainPersonDigest.Of(cardNo) != key)
            {
                unmatched++;
                continue;
            }

            // The number as written: a 15-digit one moves on to its 18-digit form in LegacyIdNumberMigration, which
            // merges it with a person already stored under that form instead of colliding with them here.
            moves.Add((key, keys.OfAsWritten(cardNo)));
        }

        return (moves, unmatched);
    }

    private static async Task<int> MoveAsync(NpgsqlConnection connection, string sql, (string Plain, string Keyed)[] moves, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("plain", moves.Select(m => m.Plain).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keyed", moves.Select(m => m.Keyed).ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
