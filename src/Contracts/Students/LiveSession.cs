namespace Supervision.Contracts.Students;

/// <summary>A live study session of a person, wherever it is: one person studies in one place at a time.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveSession(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string StudentUserCode,
    [property: Id(2)] Guid SessionId,
    [property: Id(3)] DateTimeOffset StartedAt);
