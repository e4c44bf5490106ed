using System.ComponentModel;
using Supervision.Contracts.Operators;
using Supervision.WebFront.Apis;
using Supervision.WebFront.Declarations;

namespace Supervision.WebFront.Queries;

/// <summary>GET /admin/actions: a page of the action log, newest first.</summary>
public sealed record ActionLogPage(
    [property: QueryInteger(1, 1, int.MaxValue), Description("The page, from 1")] int Page,
    [property: QueryInteger(OperatorApi.DefaultActionPageSize, 1, OperatorActionQuery.MaxPageSize), Description("Actions a page")] int PageSize,
    [property: QueryText(Trimmed = true), Description("Only this operator's actions")] string? Operator,
    [property: QueryText(Trimmed = true), Description("Only actions of this evidence kind")] string? Kind)
    : IQueryDeclaration<ActionLogPage>
{
    public OperatorActionQuery Query() => new(Page, PageSize, Operator, Kind);
}
