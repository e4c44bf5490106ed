using System.ComponentModel;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/anomalies: which anomalies, newest first, a page at a time.</summary>
public sealed record AnomalyFilters(
    [property: AnomalyKindQuery, Description("Only this kind (see /admin/anomaly-kinds)")] string? Kind,
    [property: QueryTime, Description("From this time, inclusive")] DateTimeOffset? Since,
    [property: QueryTime, Description("Before this time, exclusive")] DateTimeOffset? Until,
    [property: QueryInteger(500, 1, 5_000), Description("At most this many")] int Limit,
    [property: QueryInteger(0, 0, int.MaxValue), Description("Skip this many")] int Offset,
    [property: QueryText, Description("Only this class")] string? ClassCode)
    : IQueryDeclaration<AnomalyFilters>;
