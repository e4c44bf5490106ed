using System.ComponentModel;
using Supervision.Contracts.Risk;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/risk/learners, /classes and /platforms: one China day's anomalies, filtered, a page of rows.</summary>
public sealed record RiskFilters(
    [property: QueryDay, Description("The China day; today when absent")] DateOnly? Day,
    [property: QueryText(Trimmed = true), Description("Only this class")] string? ClassCode,
    [property: QueryText(Trimmed = true), Description("Only this learning platform")] string? PlatformCode,
    [property: AnomalyKindQuery(Trimmed = true), Description("Only this kind (see /admin/anomaly-kinds)")] string? Kind,
    [property: QueryInteger(0, 0, int.MaxValue), Description("Skip this many rows")] int Offset,
    [property: QueryInteger(50, 1, RiskQuery.MaxLimit), Description("At most this many rows")] int Limit)
    : IQueryDeclaration<RiskFilters>
{
    public RiskQuery Query() => new(Day, ClassCode, PlatformCode, Kind, Offset, Limit);
}
