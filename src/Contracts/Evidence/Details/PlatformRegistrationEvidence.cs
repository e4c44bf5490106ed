using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// A platform registered (<see cref="Action"/> register) or re-registered (reregister) by an operator: its record after
/// and before (null when new), and its secrets only as words — <see cref="Password"/> "set" or "changed" (every
/// registration gives one), <see cref="OutboundToken"/> "set", "changed", "removed", "unchanged" or "none".
/// </summary>
[StoredAs(EvidenceKind.PlatformRegistration)]
public sealed record PlatformRegistrationEvidence(
    string Action,
    string PlatformCode,
    PlatformFacts After,
    string Password,
    string OutboundToken,
    string Operator,
    string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PlatformFacts? Before = null) : EvidenceDetails;
