namespace Supervision.Contracts.Checks;

/// <summary>An anti-idle check the platform must pass before <see cref="Deadline"/>, after which reports stop earning.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckDue(
    [property: Id(0)] CheckKind Kind,
    [property: Id(1)] DateTimeOffset DueSince,
    [property: Id(2)] DateTimeOffset Deadline);
