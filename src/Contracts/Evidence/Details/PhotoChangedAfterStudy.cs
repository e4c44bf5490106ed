using System.Text.Json.Serialization;

namespace Supervision.Contracts.Evidence.Details;

/// <summary>
/// The registered photo replaced once study had begun: the photos, whose record, who changed it, and both photos as kept
/// when the swap was recorded (<see cref="PreviousPhoto"/> none when no photo was registered before; both none on a
/// swap recorded before swaps kept their photos).
/// </summary>
[StoredAs(AnomalyKind.PhotoChangedAfterStudy)]
public sealed record PhotoChangedAfterStudy(
    string? Previous,
    string Current,
    string Record,
    string ChangedBy,
    DateTimeOffset StudyBeganAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SwapPhoto? PreviousPhoto = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SwapPhoto? CurrentPhoto = null) : AnomalyDetails;
