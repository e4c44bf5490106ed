namespace Supervision.Contracts.Evidence.Details;

/// <summary>The registered photo replaced once study had begun: the photos, whose record, who changed it.</summary>
[StoredAs(AnomalyKind.PhotoChangedAfterStudy)]
public sealed record PhotoChangedAfterStudy(
    string? Previous,
    string Current,
    string Record,
    string ChangedBy,
    DateTimeOffset StudyBeganAt) : AnomalyDetails;
