using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>A startStudy: whether it continued the span on the same video, or, when it was refused, the live study on another learning platform that refused it.</summary>
[StoredAs(EvidenceKind.SessionStart)]
public sealed record SessionStartEvidence(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Continued = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OtherClassCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OtherPlatformCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? OtherStartedAt = null) : EvidenceDetails
{
    public static SessionStartEvidence Started(bool continued) => new(Continued: continued);

    public static SessionStartEvidence Refused(LiveOnAnotherPlatform live) =>
        new(OtherClassCode: live.OtherClassCode, OtherPlatformCode: live.OtherPlatformCode, OtherStartedAt: live.OtherStartedAt);
}
