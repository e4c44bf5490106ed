namespace Supervision.Contracts.Evidence.Details;

/// <summary>A new two-inch photo on one record (the business platform's, <see cref="Record"/>).</summary>
[StoredAs(EvidenceKind.PhotoChange)]
public sealed record PhotoChangeEvidence(
    string? Previous,
    string Current,
    string Record) : EvidenceDetails;
