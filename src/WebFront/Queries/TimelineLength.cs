using System.ComponentModel;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/classes/{classCode}/students/{studentUserCode}/timeline: how many of the newest rows.</summary>
public sealed record TimelineLength(
    [property: QueryInteger(500, 1, 5_000), Description("At most this many rows")] int Limit)
    : IQueryDeclaration<TimelineLength>;
