namespace Supervision.Contracts.Checks;

/// <summary>A check passed on one video: it clears every check due on that video's schedule up to <see cref="PassedAt"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckPass(
    [property: Id(0)] string BizCode,
    [property: Id(1)] CheckKind Kind,
    [property: Id(2)] Guid SessionId,
    [property: Id(3)] DateTimeOffset PassedAt,
    [property: Id(4)] int VideoStudyTime,
    [property: Id(5)] string ResCode)
{
    /// <summary>How long the answer took, from the bizCode's issue to the answer that passed: a person reads and types, a script does not.</summary>
    [Id(6)] public int AnswerMillis { get; init; }
}
