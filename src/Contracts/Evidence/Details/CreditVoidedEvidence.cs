using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>Credit taken back from a video: for a face review's rejection (bizCode, photo, when) or a flag's void (flag, kind, since).</summary>
[StoredAs(EvidenceKind.CreditVoided)]
public sealed record CreditVoidedEvidence(
    int VoidedSeconds,
    string Reviewer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BizCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PhotoId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReviewedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? FlagId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Since = null) : EvidenceDetails
{
    public static CreditVoidedEvidence Of(FaceReviewRejected rejected) =>
        new(rejected.VoidedSeconds, rejected.Reviewer, BizCode: rejected.BizCode, PhotoId: rejected.PhotoId, ReviewedAt: rejected.ReviewedAt);

    public static CreditVoidedEvidence OfFlag(Guid flagId, string kind, DateTimeOffset since, int voidedSeconds, string reviewer) =>
        new(voidedSeconds, reviewer, FlagId: flagId, Kind: kind, Since: since);
}
