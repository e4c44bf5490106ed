namespace Supervision.Contracts.Evidence.Details;

/// <summary>A crowd flag: the span of lockstep, its coincidences, the companions and the devices shared.</summary>
[StoredAs(AnomalyKind.CrowdLockstep)]
public sealed record CrowdLockstep(
    Guid FlagId,
    DateTimeOffset Since,
    DateTimeOffset Until,
    int Coincidences,
    int AnswerCoincidences,
    IReadOnlyList<string> Companions,
    IReadOnlyList<string> DeviceIds) : AnomalyDetails;
