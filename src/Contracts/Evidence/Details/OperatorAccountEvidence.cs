using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// An operator account created or changed (<see cref="Action"/> create or change): the account, its standing after and
/// before (null when created), <see cref="Password"/> "set" or "changed" when one was given (never the password), and
/// who did it from where — an operator's account, the bootstrap admin key, or the command line.
/// </summary>
[StoredAs(EvidenceKind.OperatorAccount)]
public sealed record OperatorAccountEvidence(
    string Action,
    string Account,
    OperatorAccountFacts After,
    string Operator,
    string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OperatorAccountFacts? Before = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Password = null) : EvidenceDetails;
