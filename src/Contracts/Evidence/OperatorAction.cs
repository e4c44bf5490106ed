namespace Supervision.Contracts.Evidence;

/// <summary>
/// Who took an operator's action, for its evidence: the name the console sends (X-Operator; the operator key is one
/// shared secret, so the name is what tells the people who hold it apart) and the address the request came from.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OperatorAction([property: Id(0)] string Operator, [property: Id(1)] string Address);
