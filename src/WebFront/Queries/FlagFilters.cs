using System.ComponentModel;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Study;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/flags: which crowd and bot flags, newest first.</summary>
public sealed record FlagFilters(
    [property: QueryChoice(AnomalyView.UnderReview, FlagDecision.VoidName, FlagDecision.ClearName), Description("Only flags whose review stands so")] string? Review,
    [property: QueryInteger(500, 1, 5_000), Description("At most this many")] int Limit,
    [property: QueryText, Description("Only this class")] string? ClassCode)
    : IQueryDeclaration<FlagFilters>;
