namespace Supervision.Contracts.Risk;

/// <summary>A page of ranked risk rows, the China day they count, and how many rows match in all.</summary>
[GenerateSerializer, Immutable]
public sealed record RiskPage<T>(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyList<T> Rows);
