namespace Supervision.Contracts.Evidence;

/// <summary>
/// Who took an operator's action, for its evidence: the signed-in operator account (or "admin-key" for the shared key,
/// "command-line" for the server's operator command), never a name the request states, and the address it came from.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OperatorAction([property: Id(0)] string Operator, [property: Id(1)] string Address);
