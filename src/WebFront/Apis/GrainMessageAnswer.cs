using Supervision.Contracts.Delivery;

namespace Supervision.WebFront.Apis;

/// <summary>
/// A failing message between grains for the operator: what it does and why it keeps failing in words (Chinese and
/// English), beside the stored kind and error. The dispatcher stores an error as "ExceptionType: message" (personal data
/// masked); the type says what went wrong, the message is kept for whoever digs further.
/// </summary>
public static class GrainMessageAnswer
{
    private static readonly Dictionary<string, Words> Kinds = new()
    {
        [DeliveryKind.Pass] = new("验证通过：放行学员此后的学时", "a passed check, releasing the learner's credit from then on"),
        [DeliveryKind.Rejection] = new("复核判定不是本人：收回该次验证后的学时", "a reviewer's \"not the same person\", taking back the credit that check released"),
    };

    private static readonly (string[] Types, Words Words)[] Errors =
    [
        (["TimeoutException"], new("学员的计算单元未在时限内答复", "the learner's grain did not answer in time")),
        (["OrleansMessageRejectionException", "SiloUnavailableException", "ConnectionFailedException"],
            new("学员所在的服务器无法连接", "the server holding the learner could not be reached")),
        (["VersionConflictException"], new("学员的状态已在别处先被写入（版本冲突），重新加载后再试", "the learner's state was written elsewhere first (a version conflict); it reloads and is tried again")),
        (["UnsupportedWireTypeException", "SerializerException", "CodecNotFoundException", "UnexpectedLengthPrefixValueException"],
            new("消息内容无法读取（可能由另一版本的服务器写入）", "the message's bytes could not be read (written by another version of the server?)")),
        (["StorageUnavailableException", "NpgsqlException", "PostgresException"], new("数据库无法连接或拒绝写入", "the database could not be reached or refused the write")),
    ];

    public static object From(GrainMessageView message) => new
    {
        message.Id,
        message.Kind,
        kindWords = Kinds.GetValueOrDefault(message.Kind, new Words(message.Kind, message.Kind)),
        message.ClassCode,
        message.StudentUserCode,
        message.Subject,
        message.Status,
        message.Attempts,
        message.AttemptLimit,
        message.LastError,
        errorWords = ErrorWords(message.LastError),
        message.CreatedAt,
        message.NextAttemptAt,
    };

    public static Words? ErrorWords(string? error)
    {
        if (error is null)
        {
            return null;
        }

        var type = error.Split(':', 2)[0].Trim();
        return Errors.FirstOrDefault(e => e.Types.Contains(type)).Words
            ?? new Words($"学员的计算单元拒绝了这条消息（{type}）", $"the learner's grain failed to take it ({type})");
    }
}
