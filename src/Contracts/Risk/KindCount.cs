namespace Supervision.Contracts.Risk;

/// <summary>How many anomalies of one kind a risk row counts.</summary>
[GenerateSerializer, Immutable]
public sealed record KindCount([property: Id(0)] string Kind, [property: Id(1)] int Count);
