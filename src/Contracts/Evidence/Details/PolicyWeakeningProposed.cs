using Supervision.Contracts.Classes;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>A weaker policy re-pushed and held for the operator; the same details as its class_policy evidence (action "held").</summary>
[StoredAs(AnomalyKind.PolicyWeakeningProposed)]
public sealed record PolicyWeakeningProposed(
    string Action,
    string By,
    IReadOnlyList<string> WeakerIn,
    ClassPolicy Current,
    ClassPolicy Proposed) : AnomalyDetails
{
    public const string Held = "held";

    public static PolicyWeakeningProposed Of(string by, IReadOnlyList<string> weakerIn, ClassPolicy current, ClassPolicy proposed) => new(Held, by, weakerIn, current, proposed);
}
