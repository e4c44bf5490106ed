using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Delivery;
using Supervision.Contracts.Reviews;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Delivery;

/// <summary>
/// Messages a grain sends another with a change — a challenge's pass to its student-class, a face review's
/// rejection — as rows of the deliveries outbox written in the sender's ledger write, so the message of a committed
/// change is never lost. The sender hands the message over itself right after its commit and marks it delivered; one
/// it could not hand over (a silo that died, a database fault) falls due after <see cref="HandOverGrace"/>, and the
/// dispatcher delivers it with the outbox's retries. A receiver takes a message it already took as a repeat.
/// </summary>
public sealed class GrainMessages(
    NpgsqlDataSource dataSource,
    Serializer<CheckPass> passes,
    Serializer<FaceCheckRejection> rejections,
    IGrainFactory grains,
    IOptions<DeliveryOptions> options) : ILedgerTable
{
    /// <summary>How long the dispatcher leaves a message to its sender, which normally hands it over at once.</summary>
    public static readonly TimeSpan HandOverGrace = TimeSpan.FromMinutes(1);

    public static string PassKey(CheckPass pass) => $"pass:{pass.BizCode}";

    public static string RejectionKey(FaceCheckRejection rejection) => $"rejection:{rejection.PhotoId}";

    public LedgerRows CheckPassed(string studentClassKey, string platformCode, CheckPass pass, DateTimeOffset now) =>
        new(this, [new GrainMessage(DeliveryKind.Pass, platformCode, studentClassKey, PassKey(pass), passes.SerializeToArray(pass), now)]);

    /// <summary>A review's rejection concerns no learning platform: its row names none ("").</summary>
    public LedgerRows FaceCheckRejected(string studentClassKey, FaceCheckRejection rejection, DateTimeOffset now) =>
        new(this, [new GrainMessage(DeliveryKind.Rejection, "", studentClassKey, RejectionKey(rejection), rejections.SerializeToArray(rejection), now)]);

    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> rows, int writer)
    {
        var messages = rows.Cast<GrainMessage>().ToList();
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO deliveries (kind, platform_code, target, payload, dedup_key, status, attempt_limit, next_attempt_at, created_at)
            SELECT kind, platform, target, payload, key, 'pending', @limit, at + @grace, at
              FROM unnest(@kinds, @platforms, @targets, @payloads, @keys, @times) AS m(kind, platform, target, payload, key, at)
            ON CONFLICT (dedup_key) DO NOTHING
            """);
        command.Parameters.AddWithValue("limit", options.Value.AttemptLimit);
        command.Parameters.AddWithValue("grace", HandOverGrace);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kinds", messages.Select(m => m.Kind).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", messages.Select(m => m.PlatformCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("targets", messages.Select(m => m.Target).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", messages.Select(m => m.Payload).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", messages.Select(m => m.DedupKey).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("times", messages.Select(m => m.At.UtcDateTime).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        yield return command;
    }

    /// <summary>The sender handed the message over itself: the dispatcher leaves it be.</summary>
    public async Task HandedOverAsync(string dedupKey, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = @now
            WHERE dedup_key = @key AND status IN ('pending', 'retrying')
            """);
        command.Parameters.AddWithValue("key", dedupKey);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The dispatcher's attempt: the message, to the grain it names.</summary>
    public async Task<AttemptOutcome> DeliverAsync(ClaimedDelivery delivery)
    {
        var target = grains.GetGrain<IStudentClassGrain>(delivery.Target!);
        if (delivery.Kind == DeliveryKind.Pass)
        {
            await target.CheckPassed(passes.Deserialize(delivery.Payload!)!);
        }
        else
        {
            await target.RejectFaceCheck(rejections.Deserialize(delivery.Payload!)!);
        }

        return AttemptOutcome.Delivered;
    }
}
