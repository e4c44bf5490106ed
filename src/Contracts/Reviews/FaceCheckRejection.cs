namespace Supervision.Contracts.Reviews;

/// <summary>A reviewer found that the photo of check <see cref="BizCode"/> shows someone other than the registered student.</summary>
[GenerateSerializer, Immutable]
public sealed record FaceCheckRejection(
    [property: Id(0)] string BizCode,
    [property: Id(1)] long PhotoId,
    [property: Id(2)] string Operator,
    [property: Id(3)] DateTimeOffset ReviewedAt);
