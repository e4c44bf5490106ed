using System.ComponentModel;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/charts/activity: how far back, in hours.</summary>
public sealed record ActivityWindow(
    [property: QueryInteger(1, 1, 24, Refused = true), Description("The last this many hours")] int Hours)
    : IQueryDeclaration<ActivityWindow>;
