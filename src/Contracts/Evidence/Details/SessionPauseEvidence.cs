namespace Supervision.Contracts.Evidence.Details;

/// <summary>An endStudy: what the span had earned and how many reports it had by then.</summary>
[StoredAs(EvidenceKind.SessionPause)]
public sealed record SessionPauseEvidence(
    int Credited,
    int Reports) : EvidenceDetails;
