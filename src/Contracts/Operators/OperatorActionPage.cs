namespace Supervision.Contracts.Operators;

/// <summary>A page of the action log and how many actions the filter holds in all.</summary>
[GenerateSerializer, Immutable]
public sealed record OperatorActionPage(
    [property: Id(0)] long Total,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] IReadOnlyList<OperatorActionView> Items);
