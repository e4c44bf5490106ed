namespace Supervision.Contracts.Evidence.Details;

/// <summary>An operator account's standing before or after a change: its role and whether it is disabled (never its password).</summary>
public sealed record OperatorAccountFacts(string Role, bool Disabled);
