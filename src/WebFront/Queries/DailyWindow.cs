using System.ComponentModel;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/charts/credit and /anomalies: how far back, in China days.</summary>
public sealed record DailyWindow(
    [property: QueryInteger(7, 1, 31, Refused = true), Description("The last this many China days")] int Days)
    : IQueryDeclaration<DailyWindow>;
