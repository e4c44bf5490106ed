using System.Text.Json.Serialization;
using Supervision.Contracts.Classes;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// A class's policy changed or proposed (<see cref="Action"/>): re-pushed by its business platform and
/// <see cref="Applied"/> (with the previous policy) or <see cref="Held"/> for the operator (with the fields it weakens),
/// or <see cref="Set"/> by an operator (who, from where, and the proposal it declined). Each action writes only its own fields.
/// </summary>
[StoredAs(EvidenceKind.ClassPolicy)]
public sealed record ClassPolicyEvidence(
    string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Operator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClassPolicy? Previous = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClassPolicy? Policy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClassPolicy? Declined = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? WeakerIn = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClassPolicy? Current = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClassPolicy? Proposed = null) : EvidenceDetails
{
    public static ClassPolicyEvidence Applied(string by, ClassPolicy previous, ClassPolicy policy) => new("applied", By: by, Previous: previous, Policy: policy);

    public static ClassPolicyEvidence Held(PolicyWeakeningProposed proposal) =>
        new(proposal.Action, By: proposal.By, WeakerIn: proposal.WeakerIn, Current: proposal.Current, Proposed: proposal.Proposed);

    /// <summary>Set by an operator; <paramref name="declined"/> is the platform's proposal this replaced, if any (null is not written).</summary>
    public static ClassPolicyEvidence Set(OperatorAction by, ClassPolicy previous, ClassPolicy policy, ClassPolicy? declined) =>
        new("set", Operator: by.Operator, Address: by.Address, Previous: previous, Policy: policy, Declined: declined);
}
