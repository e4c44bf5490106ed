namespace Supervision.Contracts.Operators;

/// <summary>One operator account as administrators see it: never its password hash.</summary>
[GenerateSerializer, Immutable]
public sealed record OperatorAccountView(
    [property: Id(0)] string Account,
    [property: Id(1)] string Role,
    [property: Id(2)] bool Disabled,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset ChangedAt);
