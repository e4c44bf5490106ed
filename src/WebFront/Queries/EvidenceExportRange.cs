using System.ComponentModel;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/evidence/export: whose evidence, and the records of which times to keep whole.</summary>
public sealed record EvidenceExportRange(
    [property: QueryText(RequiredFor = "the class whose evidence to export"), Description("The class")] string ClassCode,
    [property: QueryTime, Description("Records before this time are elided")] DateTimeOffset? From,
    [property: QueryTime, Description("Records from this time on are elided")] DateTimeOffset? To)
    : IQueryDeclaration<EvidenceExportRange>;
