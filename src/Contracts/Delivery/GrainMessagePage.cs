namespace Supervision.Contracts.Delivery;

/// <summary>A page of failing messages between grains, longest failing first, and how many fail in all.</summary>
[GenerateSerializer, Immutable]
public sealed record GrainMessagePage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<GrainMessageView> Rows);
