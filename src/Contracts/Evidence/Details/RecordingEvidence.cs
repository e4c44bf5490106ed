namespace Supervision.Contracts.Evidence.Details;

/// <summary>A recording of the study submitted (1.13).</summary>
[StoredAs(EvidenceKind.Recording)]
public sealed record RecordingEvidence(
    string RecordVideoUrl) : EvidenceDetails;
