using Supervision.Contracts.Evidence;

namespace Supervision.Contracts.Study;

/// <summary>An operator's decision on flag <see cref="FlagId"/> (a crowd or bot anomaly): void its credit, or clear it.</summary>
[GenerateSerializer, Immutable]
public sealed record FlagDecision(
    [property: Id(0)] Guid FlagId,
    [property: Id(1)] bool Void,
    [property: Id(2)] OperatorAction By);
