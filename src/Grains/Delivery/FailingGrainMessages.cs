using Npgsql;
using Supervision.Contracts.Delivery;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Delivery;

/// <summary>
/// The messages between grains that keep failing (<see cref="GrainMessages"/>: rows of the deliveries outbox the
/// dispatcher could not hand over), longest failing first. The predicate is the partial index's,
/// which holds only failing messages (801_failing_messages.sql), so the page reads none of the delivered ones however many there are.
/// </summary>
public sealed class FailingGrainMessages(NpgsqlDataSource dataSource)
{
    public async Task<GrainMessagePage> ReadAsync(string status, int offset, int limit)
    {
        string[] statuses = status == DeliveryStatus.Failed ? [DeliveryStatus.Retrying, DeliveryStatus.Dead] : [status];
        await using var command = dataSource.CreateCommand(
            """
            WITH failing AS (
                SELECT id, kind, target, dedup_key, status, attempts, attempt_limit, last_error, created_at, next_attempt_at FROM deliveries
                WHERE kind IN ('pass', 'rejection') AND status IN ('retrying', 'dead') AND status = ANY(@statuses))
            SELECT total.n, shown.* FROM (SELECT count(*)::int AS n FROM failing) total
            LEFT JOIN (SELECT * FROM failing ORDER BY created_at, id OFFSET @offset LIMIT @limit) shown ON true
            ORDER BY shown.created_at, shown.id
            """);
        command.Parameters.AddWithValue("statuses", statuses);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<GrainMessageView>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total = reader.GetInt32(0);
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var (classCode, studentUserCode) = StudentClassKey.Parse(reader.GetString(3));
            var key = reader.GetString(4);
            rows.Add(new GrainMessageView(
                reader.GetInt64(1), reader.GetString(2), classCode, studentUserCode, key[(key.IndexOf(':') + 1)..], reader.GetString(5),
                reader.GetInt32(6), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return new GrainMessagePage(total, rows);
    }
}
