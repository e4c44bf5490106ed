namespace Supervision.Contracts.Operators;

/// <summary>A page of the action log, newest first: <see cref="Page"/> from 1; optionally one operator's actions, or one kind's.</summary>
[GenerateSerializer, Immutable]
public sealed record OperatorActionQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int PageSize,
    [property: Id(2)] string? Operator = null,
    [property: Id(3)] string? Kind = null)
{
    public const int MaxPageSize = 200;
}
