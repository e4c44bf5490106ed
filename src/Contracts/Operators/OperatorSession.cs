namespace Supervision.Contracts.Operators;

/// <summary>
/// A signed-in operator as the account directory vouches for it: the account, its role now, and the account's
/// credential version, which every change of role, password or standing raises so that older sessions end at once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OperatorSession(
    [property: Id(0)] string Account,
    [property: Id(1)] OperatorRole Role,
    [property: Id(2)] int Version);
