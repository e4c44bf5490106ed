namespace Supervision.Contracts.Reviews;

/// <summary>One page of the review queue, optionally of one learning platform's or one class's learners.</summary>
[GenerateSerializer, Immutable]
public sealed record FaceReviewQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int PageSize,
    [property: Id(2)] string? PlatformCode,
    [property: Id(3)] string? ClassCode,
    [property: Id(4)] FaceReviewOrder Order)
{
    public const int MaxPageSize = 100;
}
