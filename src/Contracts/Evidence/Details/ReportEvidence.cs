namespace Supervision.Contracts.Evidence.Details;

/// <summary>A 1.10 report's figures, as the evidence API serves a study_reports row (rows written before those existed have no details).</summary>
[StoredAs(EvidenceKind.Report)]
public sealed record ReportEvidence(
    int PlayTime,
    int ProgressTime,
    int Accepted,
    int Bank) : EvidenceDetails;
