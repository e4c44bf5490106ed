using Supervision.Contracts.Evidence;

namespace Supervision.Contracts.Study;

/// <summary>An operator's decision on flag <see cref="FlagId"/> (a crowd or bot anomaly): void its credit, or clear it.</summary>
[GenerateSerializer, Immutable]
public sealed record FlagDecision(
    [property: Id(0)] Guid FlagId,
    [property: Id(1)] bool Void,
    [property: Id(2)] OperatorAction By)
{
    /// <summary>The decision's name in the API and the evidence: the credit from the flag's start is taken back.</summary>
    public const string VoidName = "void";

    /// <summary>The decision's name in the API and the evidence: the credit stays.</summary>
    public const string ClearName = "clear";
}
