namespace Supervision.Contracts.Operators;

/// <summary>What an administrator changes on an account; a field left null stays as it is. The password arrives in clear and is hashed by the grain.</summary>
[GenerateSerializer, Immutable]
public sealed record OperatorAccountChange(
    [property: Id(0)] OperatorRole? Role = null,
    [property: Id(1)] string? Password = null,
    [property: Id(2)] bool? Disabled = null);
