namespace Supervision.Contracts.Delivery;

/// <summary>
/// One message between grains that keeps failing, as the operator sees it: what it is (<see cref="Kind"/>: a passed
/// check releasing a learner's credit, or a reviewer's rejection voiding it; <see cref="Subject"/> the check's bizCode or
/// the photo's id), to whom (the learner in a class), how many attempts of how many, the last error, and since when.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GrainMessageView(
    [property: Id(0)] long Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string ClassCode,
    [property: Id(3)] string StudentUserCode,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Status,
    [property: Id(6)] int Attempts,
    [property: Id(7)] int AttemptLimit,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset NextAttemptAt);
