namespace Supervision.Contracts.Reviews;

/// <summary>A page of the review queue and how many learners wait in all under the same filter.</summary>
[GenerateSerializer, Immutable]
public sealed record FaceReviewPage(
    [property: Id(0)] int Total,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] IReadOnlyList<FaceReviewItem> Items);
